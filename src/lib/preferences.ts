// UI preferences: plain, non-secret values in an IndexedDB store of their own
// (docs/architecture.md, "State"). The one place the app reads and writes them.
import { createStore, del, get, set } from 'idb-keyval';
import { DEFAULT_PRICE_UNIT, PRICE_UNITS, type PriceUnit } from '../byok/price-unit';
import type { BYOKProvider } from '../byok/types';

export interface ModelChoice {
  provider: BYOKProvider;
  modelId: string;
}

export interface Preferences {
  /** The model new chats start with. */
  defaultModel: ModelChoice | null;
  /** Minutes of inactivity before the vault locks itself. */
  autoLockMinutes: number;
  /** How unit prices are shown everywhere: per 1M tokens (default) or per 1K. */
  priceUnit: PriceUnit;
}

export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240] as const;

export const DEFAULT_PREFERENCES: Preferences = { defaultModel: null, autoLockMinutes: 15, priceUnit: DEFAULT_PRICE_UNIT };

const preferencesStore = createStore('vivim-byok-preferences', 'preferences');

/**
 * This store is not authenticated: anything (an extension, a script, a hand edit) can write it. So
 * every value is checked on read, and anything out of range reads as the default — an idle lock
 * of 1e9 minutes must never mean "never" (security.md R11).
 */
const PREFERENCE_CHECKS: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  autoLockMinutes: (value): value is number => AUTO_LOCK_CHOICES.some((choice) => choice === value),
  priceUnit: (value): value is PriceUnit => PRICE_UNITS.some((unit) => unit === value),
  defaultModel: (value): value is ModelChoice | null => value === null || (
    typeof value === 'object' && typeof (value as ModelChoice).provider === 'string' && typeof (value as ModelChoice).modelId === 'string'
  ),
};

export async function readPreference<K extends keyof Preferences>(name: K): Promise<Preferences[K]> {
  try {
    const stored: unknown = await get(name, preferencesStore);
    return PREFERENCE_CHECKS[name](stored) ? stored : DEFAULT_PREFERENCES[name];
  } catch {
    // A preference is never worth failing a screen for: fall back to the default.
    return DEFAULT_PREFERENCES[name];
  }
}

export async function writePreference<K extends keyof Preferences>(name: K, value: Preferences[K]): Promise<void> {
  await set(name, value, preferencesStore);
}

export async function resetPreference(name: keyof Preferences): Promise<void> {
  await del(name, preferencesStore);
}
