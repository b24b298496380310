// "The usage ledger changed" (a recorded reply, a budget change, a restore), in this tab or another
// (tab-signal.ts); each tab re-reads its own ledger and vault.
import { createTabSignal } from './tab-signal';

const usageSignal = createTabSignal('vivim-byok-usage', 'usage-changed');

/** Called by the ledger after every write (a recorded reply, a budget change, a restore). */
export function notifyUsageChanged(): void {
  usageSignal.notify();
}

/** Runs `listener` whenever usage or budgets change, in this tab or another; returns an unsubscribe. */
export function onUsageChanged(listener: () => void): () => void {
  return usageSignal.subscribe(listener);
}
