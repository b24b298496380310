// "A stored key changed" (added, replaced, removed, moved, verified, used), in this tab or another
// (tab-signal.ts), so every open vault screen and model list shows the same keys.
import { createTabSignal } from './tab-signal';

const keySignal = createTabSignal('vivim-byok-keys', 'keys-changed');

/** Called after every committed change to the key records. */
export function notifyKeysChanged(): void {
  keySignal.notify();
}

/** Runs `listener` whenever a key record changes, in this tab or another; returns an unsubscribe. */
export function onKeysChanged(listener: () => void): () => void {
  return keySignal.subscribe(listener);
}
