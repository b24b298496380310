// One message. A finished message is memoised on its record and never re-renders while another
// reply streams; the streaming one reads its text from the store's per-frame `streaming` slice.
import { memo, useState } from 'react';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import type { MessageContent } from '../../byok/types';
import { useChatStore } from './chat-store';
import { collapsedText } from './far-messages';
import { MarkdownView } from './markdown-view';
import { MessageError } from './message-error';
import { MessageEditForm } from './message-edit-form';
import { MessageFooter } from './message-footer';
import { MessageToolbar } from './message-toolbar';
import { ThinkingSection } from './thinking-section';
import { ToolCallBlock } from './tool-call-block';
import { ToolCallForm } from './tool-call-form';
import { ToolResultItem } from './tool-result-item';

export interface MessageItemProps {
  message: StoredMessage;
  vaultHref: string;
  newConversationHref: string;
  /** Only the last reply offers Retry. */
  onRetry?: () => void;
  /** Far from the viewport: shown as its text only, this high (far-messages.ts). */
  collapsedHeight?: number | undefined;
  /** A collapsed message got the focus: mount it again. */
  onExpand?: (id: string, focused: boolean) => void;
}

/**
 * A message far from the viewport (far-messages.ts): its words as plain text, for find-in-page and
 * screen readers, in an item as high as the message was, so nothing on screen moves. Focusable, so
 * Tab never skips a message: the focus mounts it again.
 */
function collapsedItem(message: StoredMessage, text: string, height: number, onExpand: MessageItemProps['onExpand']) {
  const user = message.role === 'user';
  return (
    <li
      className="min-w-0 overflow-clip [content-visibility:auto]"
      style={{ height: `${height}px` }}
      data-testid={user ? 'user-message' : 'assistant-message'}
      data-status={message.status}
      data-collapsed=""
      tabIndex={0}
      onFocus={() => onExpand?.(message.id, true)}
    >
      <h3 className="sr-only">{user ? 'You said' : 'Assistant replied'}</h3>
      <p className="whitespace-pre-wrap break-words px-4 py-3 text-sm">{text}</p>
    </li>
  );
}

function UserContent({ content }: { content: MessageContent }) {
  if (typeof content === 'string') return <p className="whitespace-pre-wrap break-words">{content}</p>;
  return (
    <div className="space-y-2">
      {content.map((part, index) =>
        part.type === 'text' ? (
          <p key={index} className="whitespace-pre-wrap break-words">{part.text}</p>
        ) : (
          // The user's own attachment, a data: URL from this device; never a remote image.
          <img key={index} src={part.dataUrl} alt={`Attached image ${index + 1}`} className="max-h-48 rounded-lg" />
        ),
      )}
    </div>
  );
}

function AssistantBody({ message }: { message: StoredMessage }) {
  const streaming = useChatStore((state) => (state.streaming?.messageId === message.id ? state.streaming : null));
  const text = streaming ? streaming.text : typeof message.content === 'string' ? message.content : '';
  const toolCalls = streaming ? streaming.toolCalls : (message.toolCalls ?? []);
  const reasoning = streaming ? streaming.reasoning : (message.reasoning ?? '');
  const answering = text.length > 0 || toolCalls.length > 0;
  const waiting = streaming !== null && !answering && reasoning.length === 0;
  // The last reply's calls wait for the user's results; older ones were answered (or abandoned).
  const awaiting = useChatStore((state) => state.messages.at(-1)?.id === message.id && message.status === 'complete' && toolCalls.length > 0);
  const tools = useChatStore((state) => state.openConversation?.tools);
  return (
    <>
      {reasoning.length > 0 ? (
        <ThinkingSection reasoning={reasoning} thinking={streaming !== null && !answering} durationMs={message.reasoningMs} reasoningTokens={message.usage?.reasoningTokens} />
      ) : null}
      {message.status === 'streaming' && streaming === null ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Still being written in another tab…</p>
      ) : null}
      {waiting ? <p className="animate-pulse text-slate-500 motion-reduce:animate-none dark:text-slate-400">Waiting for the first token…</p> : null}
      <MarkdownView text={text} streaming={streaming !== null && streaming.ended !== true} splitKey={message.id} />
      {awaiting ? <ToolCallForm toolCalls={toolCalls} tools={tools ?? []} /> : toolCalls.map((toolCall) => <ToolCallBlock key={toolCall.id} toolCall={toolCall} />)}
    </>
  );
}

function UserMessage({ message }: { message: StoredMessage }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="flex flex-col items-end gap-0.5" data-testid="user-message">
      {editing ? <MessageEditForm message={message} onDone={() => setEditing(false)} /> : (
        <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-2.5 text-sm text-white shadow-sm">
          <h3 className="sr-only">You said</h3>
          <UserContent content={message.content} />
        </div>
      )}
      {editing ? null : <MessageToolbar message={message} onEdit={() => setEditing(true)} />}
    </li>
  );
}

export const MessageItem = memo(function MessageItem({ message, vaultHref, newConversationHref, onRetry, collapsedHeight, onExpand }: MessageItemProps) {
  const text = collapsedHeight === undefined ? null : collapsedText(message);
  // A plain <li>, as an assistant message is: React keeps the same element when it is mounted
  // again, so it stays the anchor holding the view still, and keeps the focus.
  if (text !== null && collapsedHeight !== undefined) return collapsedItem(message, text, collapsedHeight, onExpand);
  if (message.role === 'user') return <UserMessage message={message} />;
  if (message.role === 'tool') return <ToolResultItem message={message} />;
  const isStreaming = message.status === 'streaming';
  const hasBody = isStreaming || (typeof message.content === 'string' && message.content.length > 0) || (message.toolCalls?.length ?? 0) > 0 || Boolean(message.reasoning);
  return (
    <li className="min-w-0" data-testid="assistant-message" data-status={message.status} aria-busy={isStreaming || undefined}>
      <h3 className="sr-only">Assistant replied</h3>
      {hasBody ? (
        <div className="rounded-2xl rounded-bl-sm bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <AssistantBody message={message} />
          {isStreaming ? null : <MessageFooter message={message} />}
        </div>
      ) : null}
      {isStreaming ? null : <MessageError message={message} vaultHref={vaultHref} newConversationHref={newConversationHref} {...(onRetry ? { onRetry } : {})} />}
      {hasBody ? null : <div className="px-1"><MessageFooter message={message} /></div>}
      <MessageToolbar message={message} />
    </li>
  );
});
