// A finished reply's text is kept once (performance.md B8). While a reply streams, its text is
// built twice: the turn joins every delta into the message it saves (run-chat-turn.ts), and the
// screen joins the same deltas, batched per update, into the store's `streaming` slice, which the
// renderer and React's props hold. The two are equal but different strings, and each of those
// holders kept its own: about one extra copy of every reply for as long as it is open.
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import type { StreamingReply } from './chat-store';

/**
 * The finished message, with its text and reasoning replaced by the streamed strings the screen
 * already holds where they are equal (a stopped or failed reply may differ: then it keeps its own).
 */
export function shareStreamedText(message: StoredMessage, streamed: StreamingReply | null): StoredMessage {
  if (streamed === null || streamed.messageId !== message.id) return message;
  const sameText = typeof message.content === 'string' && message.content === streamed.text;
  const sameReasoning = message.reasoning !== undefined && message.reasoning === streamed.reasoning;
  if (!sameText && !sameReasoning) return message;
  return { ...message, ...(sameText ? { content: streamed.text } : {}), ...(sameReasoning ? { reasoning: streamed.reasoning } : {}) };
}
