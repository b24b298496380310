// Which messages of the open conversation are mounted (performance.md B7: a 500-message
// conversation paints its visible screen in ≤ 100 ms). The newest ones are mounted on opening;
// older ones join a step at a time when the reader scrolls near the top or presses "Load earlier
// messages", and the caller keeps the scroll position (holdView, hold-in-place.ts). Mounted messages stay
// mounted, so find-in-page and screen readers see everything the reader has reached.
import { useCallback, useState } from 'react';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { earlierStartIndex, windowStartIndex } from './render-window';

interface WindowState {
  conversationId: string | null;
  /** Id of the oldest mounted message; null until the conversation's first messages arrive. */
  oldestShownId: string | null;
}

export interface MessageWindow {
  /** Index in `messages` of the oldest mounted message. */
  start: number;
  /** Mounts the next step of older messages; false when there are none left to mount. */
  showEarlier(): boolean;
}

export function useMessageWindow(conversationId: string | null, messages: StoredMessage[]): MessageWindow {
  const [state, setState] = useState<WindowState>({ conversationId, oldestShownId: null });
  const remembered = state.conversationId === conversationId ? state.oldestShownId : null;
  const start = windowStartIndex(messages, remembered);
  const oldestId = messages[start]?.id ?? null;
  // Pinned in render (React's pattern for state derived from props): another conversation starts
  // again from its newest messages, and the first messages shown fix the window's top.
  if (state.conversationId !== conversationId || (oldestId !== null && oldestId !== remembered)) {
    setState({ conversationId, oldestShownId: oldestId });
  }
  const showEarlier = useCallback((): boolean => {
    const earlier = earlierStartIndex(start);
    const id = messages[earlier]?.id;
    if (earlier === start || id === undefined) return false;
    setState({ conversationId, oldestShownId: id });
    return true;
  }, [conversationId, messages, start]);
  return { start, showEarlier };
}
