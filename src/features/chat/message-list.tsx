// The open conversation's messages. Not a live region itself: announcing every token would drown
// a screen reader, so ReplyAnnouncer says only when a reply starts and how it ended.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useChatStore } from './chat-store';
import { regenerateReply } from './chat-turn-actions';
import { EarlierMessages } from './earlier-messages';
import { useFarMessages } from './far-messages';
import { holdView, noteView, releaseView } from './hold-in-place';
import { MessageItem } from './message-item';
import { isNearStart } from './render-window';
import { ReplyAnnouncer } from './reply-announcer';
import { useMessageWindow, type MessageWindow } from './use-message-window';
import { useStickToBottom } from './use-stick-to-bottom';

export interface MessageListProps {
  vaultHref: string;
  newConversationHref: string;
}

/**
 * Mounts older messages when the reader scrolls near the top (or the newest ones do not fill the
 * screen), and keeps what the reader sees still while they are added above it.
 */
function useEarlierOnScroll(container: React.RefObject<HTMLDivElement | null>, { start, showEarlier }: MessageWindow): () => void {
  /** Older messages asked for and not committed yet: asked once, held once they are. */
  const asked = useRef(false);
  const showAnchored = useCallback((element: HTMLElement) => {
    if (asked.current || !showEarlier()) return;
    asked.current = true;
    // The state is set but not committed yet (React batches it): the view is still as it was.
    noteView(element);
  }, [showEarlier]);

  // Before paint: the frame that shows the older messages already has the old view in place.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !asked.current) return;
    asked.current = false;
    holdView(element);
  }, [container, start]);
  useEffect(() => {
    const element = container.current;
    return () => {
      if (element) releaseView(element);
    };
  }, [container]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const maybeShowEarlier = () => {
      if (isNearStart(element)) showAnchored(element);
    };
    element.addEventListener('scroll', maybeShowEarlier, { passive: true });
    // After each paint, too: a short screenful leaves nothing to scroll.
    maybeShowEarlier();
    return () => element.removeEventListener('scroll', maybeShowEarlier);
  }, [container, showAnchored]);

  return () => {
    if (container.current) showAnchored(container.current);
  };
}

export function MessageList({ vaultHref, newConversationHref }: MessageListProps) {
  const messages = useChatStore((state) => state.messages);
  const historyLoading = useChatStore((state) => state.messagesStatus === 'loading' && state.messages.length > 0);
  const conversationId = useChatStore((state) => state.openConversation?.id ?? null);
  const messageWindow = useMessageWindow(conversationId, messages);
  const containerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useStickToBottom(containerRef);
  const showEarlier = useEarlierOnScroll(containerRef, messageWindow);
  const last = messages[messages.length - 1];
  const retry = last && last.role === 'assistant' && last.status !== 'streaming' ? () => void regenerateReply(last.id) : undefined;
  const shown = messageWindow.start === 0 ? messages : messages.slice(messageWindow.start);
  const far = useFarMessages(containerRef, listRef, shown);

  return (
    // The browser's own scroll anchoring stays on for replies that shrink as they are first drawn
    // while the reader scrolls; holdView (hold-in-place.ts) corrects whatever is left when older messages mount.
    <div ref={containerRef} className="min-h-0 flex-1 overflow-y-auto px-3 py-3 sm:px-5" tabIndex={-1} data-testid="message-list">
      <h2 className="sr-only">Messages</h2>
      <EarlierMessages hidden={messageWindow.start} loading={historyLoading} onShow={showEarlier} />
      {/* Block flow, not flex: a flex column re-measures every message whenever the last one grows. */}
      <ol ref={listRef} className="mx-auto max-w-3xl space-y-3" aria-label="Messages">
        {shown.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            vaultHref={vaultHref}
            newConversationHref={newConversationHref}
            collapsedHeight={far.collapsed.get(message.id)}
            onExpand={far.expand}
            {...(message === last && retry && message.status !== 'complete' && message.status !== 'stopped' ? { onRetry: retry } : {})}
          />
        ))}
      </ol>
      <ReplyAnnouncer />
    </div>
  );
}
