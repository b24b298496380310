// An older message of a long conversation before it is rendered in full: the same list item,
// heading and bubble with the text as typed (no Markdown), so a screen reader, find-in-page and
// the scrollbar see every message at once. MessageList upgrades these to MessageItem in idle time.
import { memo } from 'react';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { extractContentText } from '../../byok/conversations/search-text';
import { ToolResultItem } from './tool-result-item';

// Off-screen placeholders skip layout and paint; the size stands in until one is first rendered.
const PLACEHOLDER_STYLE = { contentVisibility: 'auto', containIntrinsicSize: 'auto 7rem' } as const;

export const PlainMessageItem = memo(function PlainMessageItem({ message }: { message: StoredMessage }) {
  const text = extractContentText(message.content);
  if (message.role === 'tool') return <ToolResultItem message={message} />;
  if (message.role === 'user') {
    return (
      <li className="flex justify-end" data-testid="user-message" style={PLACEHOLDER_STYLE}>
        <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-2.5 text-sm text-white shadow-sm">
          <h3 className="sr-only">You said</h3>
          <p className="whitespace-pre-wrap break-words">{text}</p>
        </div>
      </li>
    );
  }
  return (
    <li className="min-w-0" data-testid="assistant-message" data-status={message.status} style={PLACEHOLDER_STYLE}>
      <h3 className="sr-only">Assistant replied</h3>
      {text.length > 0 ? (
        <div className="rounded-2xl rounded-bl-sm bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <p className="whitespace-pre-wrap break-words">{text}</p>
        </div>
      ) : null}
    </li>
  );
});
