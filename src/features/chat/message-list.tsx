// The open conversation's messages. Not a live region itself: announcing every token would drown
// a screen reader, so ReplyAnnouncer says only when a reply starts and how it ended.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useChatStore } from './chat-store';
import { regenerateReply } from './chat-turn-actions';
import { MessageItem } from './message-item';
import { PlainMessageItem } from './plain-message-item';
import { ReplyAnnouncer } from './reply-announcer';
import { useProgressiveMessages } from './use-progressive-messages';

export interface MessageListProps {
  vaultHref: string;
  newConversationHref: string;
}

function scrollToEnd(element: HTMLElement): void {
  element.scrollTop = element.scrollHeight;
}

/**
 * Keeps the newest text in view while it streams, unless the reader scrolled up to read. Whether
 * the reader is at the bottom is learnt from scroll events, not measured on every update: reading
 * scrollHeight after each delta forced a full layout per frame (the bench's B2 showed it).
 */
function useStickToBottom(container: React.RefObject<HTMLDivElement | null>) {
  const streamedLength = useChatStore((state) => state.streaming?.text.length ?? 0);
  const messageCount = useChatStore((state) => state.messages.length);
  const lastStatus = useChatStore((state) => state.messages[state.messages.length - 1]?.status);
  const pinned = useRef(true);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 160;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [container]);

  // In the same commit as the text it follows (a layout effect, after the reply's own): the frame
  // that paints an update does its one layout for both, and no extra frame is asked for.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !(pinned.current || streamedLength === 0)) return;
    scrollToEnd(element);
  }, [container, streamedLength, messageCount, lastStatus]);
}

export function MessageList({ vaultHref, newConversationHref }: MessageListProps) {
  const messages = useChatStore((state) => state.messages);
  const conversationId = useChatStore((state) => state.openConversation?.id ?? null);
  // Older messages of a long conversation render plain until an idle step upgrades them.
  const firstFull = useProgressiveMessages(conversationId, messages.length);
  const containerRef = useRef<HTMLDivElement>(null);
  useStickToBottom(containerRef);
  const last = messages[messages.length - 1];
  const retry = last && last.role === 'assistant' && last.status !== 'streaming' ? () => void regenerateReply(last.id) : undefined;

  return (
    <div ref={containerRef} className="min-h-0 flex-1 overflow-y-auto px-3 py-3 sm:px-5" tabIndex={-1} data-testid="message-list">
      <h2 className="sr-only">Messages</h2>
      {/* Block flow, not flex: a flex column re-measures every message whenever the last one grows. */}
      <ol className="mx-auto max-w-3xl space-y-3" aria-label="Messages">
        {messages.map((message, index) => index < firstFull ? <PlainMessageItem key={message.id} message={message} /> : (
          <MessageItem
            key={message.id}
            message={message}
            vaultHref={vaultHref}
            newConversationHref={newConversationHref}
            {...(message === last && retry && message.status !== 'complete' && message.status !== 'stopped' ? { onRetry: retry } : {})}
          />
        ))}
      </ol>
      <ReplyAnnouncer />
    </div>
  );
}
