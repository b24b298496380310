// "Something changed": told to this tab's listeners at once and to every other open tab through a
// BroadcastChannel. The message is one fixed word with no numbers, provider, text or key in it
// (security.md R13); each tab re-reads what it shows from its own storage.

type Listener = () => void;

export interface TabSignal {
  /** Tells this tab's listeners and every other tab. */
  notify(): void;
  /** Runs `listener` whenever the signal is given, in this tab or another; returns an unsubscribe. */
  subscribe(listener: Listener): () => void;
}

export function createTabSignal(channelName: string, word: string): TabSignal {
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
    channel = new BroadcastChannel(channelName);
    channel.addEventListener('message', (event: MessageEvent) => {
      if (event.data === word) notifyListeners();
    });
    // In Node (tests, scripts) an open channel would keep the process alive.
    (channel as unknown as { unref?: () => void }).unref?.();
    return channel;
  }

  return {
    notify() {
      notifyListeners();
      openChannel()?.postMessage(word);
    },
    subscribe(listener) {
      openChannel();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
