// A polite live region that speaks twice per reply (started, then how it ended), never per token.
import { useChatStore } from './chat-store';

const ENDINGS: Record<string, string> = {
  complete: 'Reply finished.',
  stopped: 'Reply stopped. The text so far is kept.',
  interrupted: 'The reply was cut off. The text so far is kept.',
  error: 'The reply failed.',
};

export function ReplyAnnouncer() {
  const announcement = useChatStore((state) => {
    if (state.streaming) return 'Assistant is replying…';
    const last = state.messages[state.messages.length - 1];
    return last?.role === 'assistant' ? (ENDINGS[last.status] ?? '') : '';
  });
  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="reply-announcer">
      {announcement}
    </p>
  );
}
