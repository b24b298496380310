// The actions under a message: Edit (any user message), Copy and Regenerate (any reply), and the
// "‹ 2/3 ›" switch between versions that edits and regenerations kept.
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { Button } from '../../components/ui/button';
import { PencilIcon } from '../../components/ui/icons';
import { useChatStore } from './chat-store';
import { regenerateReply, switchMessageVersion } from './chat-turn-actions';
import { CopyButton } from './copy-button';
import { describeVersions } from './message-branches';

function VersionSwitch({ message, disabled }: { message: StoredMessage; disabled: boolean }) {
  const versions = describeVersions(message);
  if (!versions) return null;
  const what = message.role === 'user' ? 'message' : 'reply';
  return (
    <div className="flex items-center" role="group" aria-label={`Versions of this ${what}`}>
      <Button size="sm" variant="ghost" className="px-2" aria-label={`Previous version of this ${what}`} disabled={disabled || versions.position === 1}
        onClick={() => void switchMessageVersion(message.id, -1)}>‹</Button>
      <span className="px-1 text-xs tabular-nums text-slate-600 dark:text-slate-300" data-testid="version-position">{versions.position}/{versions.total}</span>
      <Button size="sm" variant="ghost" className="px-2" aria-label={`Next version of this ${what}`} disabled={disabled || versions.position === versions.total}
        onClick={() => void switchMessageVersion(message.id, 1)}>›</Button>
    </div>
  );
}

export interface MessageToolbarProps {
  message: StoredMessage;
  onEdit?: () => void;
}

export function MessageToolbar({ message, onEdit }: MessageToolbarProps) {
  const busy = useChatStore((state) => state.streaming !== null);
  if (message.status === 'streaming') return null;
  const text = typeof message.content === 'string' ? message.content : '';
  return (
    <div className={`flex flex-wrap items-center gap-0.5 text-slate-600 dark:text-slate-300 ${message.role === 'user' ? 'justify-end' : ''}`} data-testid="message-toolbar">
      <VersionSwitch message={message} disabled={busy} />
      {message.role === 'user' && onEdit ? (
        <Button size="sm" variant="ghost" className="px-2" aria-label="Edit message" title="Edit" disabled={busy} onClick={onEdit}>
          <PencilIcon width={16} height={16} />
        </Button>
      ) : null}
      {message.role === 'assistant' && text.length > 0 ? <CopyButton text={text} label="Copy reply" /> : null}
      {message.role === 'assistant' ? (
        <Button size="sm" variant="ghost" className="px-2 text-xs" disabled={busy} onClick={() => void regenerateReply(message.id)}>Regenerate</Button>
      ) : null}
    </div>
  );
}
