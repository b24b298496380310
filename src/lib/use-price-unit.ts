// The price unit preference as one shared value: switching it on the models screen changes every
// price on screen at once (models list, comparison, the chat's model picker) without a reload.
import { useSyncExternalStore } from 'react';
import { DEFAULT_PRICE_UNIT, type PriceUnit } from '../byok/price-unit';
import { readPreference, writePreference } from './preferences';

let currentUnit: PriceUnit = DEFAULT_PRICE_UNIT;
let readStarted = false;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!readStarted) {
    readStarted = true;
    void readPreference('priceUnit').then((stored) => {
      currentUnit = stored;
      notify();
    });
  }
  return () => listeners.delete(listener);
}

export function setPriceUnit(unit: PriceUnit): void {
  currentUnit = unit;
  notify();
  void writePreference('priceUnit', unit);
}

export function usePriceUnit(): PriceUnit {
  return useSyncExternalStore(subscribe, () => currentUnit);
}
