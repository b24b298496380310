// "The usage ledger changed": told to this tab's listeners at once and to every other open tab
// through a BroadcastChannel. The message is a fixed word with no numbers, provider or key in it
// (security.md R13); each tab re-reads its own ledger and vault.
const CHANNEL_NAME = 'vivim-byok-usage';
const CHANGED_MESSAGE = 'usage-changed';

type Listener = () => void;

const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function notifyListeners(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch {
      // One screen failing to refresh must not stop the others.
    }
  }
}

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel !== 'function') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.addEventListener('message', (event: MessageEvent) => {
    if (event.data === CHANGED_MESSAGE) notifyListeners();
  });
  // In Node (tests, scripts) an open channel would keep the process alive.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

/** Called by the ledger after every write (a recorded reply, a budget change, a restore). */
export function notifyUsageChanged(): void {
  notifyListeners();
  openChannel()?.postMessage(CHANGED_MESSAGE);
}

/** Runs `listener` whenever usage or budgets change, in this tab or another; returns an unsubscribe. */
export function onUsageChanged(listener: Listener): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
