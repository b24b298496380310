// One automatic retry after a rate limit: the reply counts down the wait the provider asked for,
// then asks again by itself, once. The countdown can be cancelled; any other action cancels it.
import { useChatStore } from './chat-store';

/** Longer waits are left to the person: a page that sits for minutes should not fire by itself. */
export const MAXIMUM_AUTO_RETRY_WAIT_MS = 60_000;
const DEFAULT_WAIT_MS = 2_000;

let timer: number | null = null;

export function scheduleAutoRetry(messageId: string, retryAfterMs: number | undefined, retry: () => void): void {
  cancelAutoRetry();
  const wait = Math.max(retryAfterMs ?? DEFAULT_WAIT_MS, 500);
  if (wait > MAXIMUM_AUTO_RETRY_WAIT_MS) return;
  useChatStore.setState({ autoRetry: { messageId, at: Date.now() + wait } });
  timer = window.setTimeout(() => {
    timer = null;
    if (useChatStore.getState().autoRetry?.messageId !== messageId) return;
    useChatStore.setState({ autoRetry: null });
    retry();
  }, wait);
}

export function cancelAutoRetry(): void {
  if (timer !== null) window.clearTimeout(timer);
  timer = null;
  if (useChatStore.getState().autoRetry !== null) useChatStore.setState({ autoRetry: null });
}
