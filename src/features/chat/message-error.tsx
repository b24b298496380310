// A failed reply, in place: what went wrong (describeError, the one place for error words), the
// action that fixes it, and Retry. Whatever text had arrived stays above this.
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { describeError, type ErrorDescription } from '../../byok/describe-error';
import { BYOKError, type BYOKErrorCode } from '../../byok/types';
import { Button } from '../../components/ui/button';

export interface MessageErrorProps {
  message: StoredMessage;
  vaultHref: string;
  newConversationHref: string;
  onRetry?: () => void;
}

const LINK_CLASSES = 'font-medium underline underline-offset-2 hover:no-underline';

function focusModelSwitcher(): void {
  document.getElementById('model-switcher')?.focus();
}

function ActionHint({ description, vaultHref, newConversationHref }: { description: ErrorDescription; vaultHref: string; newConversationHref: string }) {
  switch (description.action) {
    case 'reenter-key':
      return <a className={LINK_CLASSES} href={vaultHref}>Re-enter the key in the vault</a>;
    case 'unlock':
      return <a className={LINK_CLASSES} href={vaultHref}>Unlock the vault</a>;
    case 'add-key':
      return <a className={LINK_CLASSES} href={vaultHref}>Add a key in the vault</a>;
    case 'wait':
      // With a known wait, describeError's detail already names it; do not say it twice.
      return description.waitSeconds ? null : <span data-testid="wait-hint">Wait a moment before retrying.</span>;
    case 'pick-model':
      return <button type="button" className={LINK_CLASSES} onClick={focusModelSwitcher}>Pick another model</button>;
    case 'shorten':
      return <span>Shorten your last message or <a className={LINK_CLASSES} href={newConversationHref}>start a new conversation</a>.</span>;
    case 'check-connection':
      return <span>Check your connection, and that the key’s endpoint allows requests from this browser (CORS).</span>;
    default:
      return null;
  }
}

export function MessageError({ message, vaultHref, newConversationHref, onRetry }: MessageErrorProps) {
  if (!message.error) return null;
  const error = new BYOKError(message.error.code as BYOKErrorCode, message.error.message, {
    ...(message.provider ? { provider: message.provider } : {}),
    ...(message.error.retryAfterMs === undefined ? {} : { retryAfterMs: message.error.retryAfterMs }),
  });
  const description = describeError(error);
  return (
    <div role="alert" data-testid="reply-error" data-code={description.code} className="mt-2 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-inset ring-red-300 dark:bg-red-900/30 dark:text-red-100 dark:ring-red-700">
      <p className="font-semibold">{description.title}</p>
      <p className="mt-0.5">{description.detail}</p>
      {description.code === 'BUDGET_EXCEEDED' ? <p className="mt-0.5">{message.error.message}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <ActionHint description={description} vaultHref={vaultHref} newConversationHref={newConversationHref} />
        {onRetry ? <Button size="sm" variant="secondary" onClick={onRetry}>Retry</Button> : null}
      </div>
    </div>
  );
}
