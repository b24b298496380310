// A tool result the user sent back (or a call they declined), shown between the call and the
// model's next reply.
import type { StoredMessage } from '../../byok/conversations/conversation-types';

export function ToolResultItem({ message }: { message: StoredMessage }) {
  const text = typeof message.content === 'string' ? message.content : '';
  return (
    <li className="ml-4 min-w-0 border-l-2 border-brand-300 pl-3 text-sm dark:border-brand-700" data-testid="tool-result">
      <h3 className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {message.rejected ? <>You rejected <code className="font-mono">{message.name}</code></> : <>Result of <code className="font-mono">{message.name}</code></>}
      </h3>
      {message.rejected ? null : <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs" tabIndex={0}>{text}</pre>}
    </li>
  );
}
