// A failed reply, in place: what went wrong (describeError, the one place for error words), the
// action that fixes it, and Retry. Whatever text had arrived stays above this.
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { describeError, type ErrorDescription } from '../../byok/describe-error';
import { BYOKError, type BYOKErrorCode } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { BudgetRefusalActions } from './budget-refusal-actions';
import { cancelAutoRetry } from './auto-retry';
import { useChatStore } from './chat-store';
import { useSecondsUntil } from './use-seconds-until';

export interface MessageErrorProps {
  message: StoredMessage;
  vaultHref: string;
  newConversationHref: string;
  onRetry?: () => void;
}

const LINK_CLASSES = 'font-medium underline underline-offset-2 hover:no-underline';

function focusModelSwitcher(): void {
  // Opens the picker in the composer, with the search box focused.
  document.getElementById('model-switcher')?.click();
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
      // describeError's detail already says to check the connection and the endpoint.
      return null;
    default:
      return null;
  }
}

/** "Retrying by itself in 3 s" with a Cancel: the one automatic retry after a rate limit. */
function AutoRetryCountdown({ at }: { at: number }) {
  const seconds = useSecondsUntil(at);
  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="auto-retry">
      <span aria-live="polite">{seconds > 0 ? `Retrying by itself in ${seconds} s…` : 'Retrying…'}</span>
      <Button size="sm" variant="secondary" onClick={cancelAutoRetry}>Cancel retry</Button>
    </span>
  );
}

export function MessageError({ message, vaultHref, newConversationHref, onRetry }: MessageErrorProps) {
  const autoRetryAt = useChatStore((state) => (state.autoRetry?.messageId === message.id ? state.autoRetry.at : null));
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
      {/* The budget's amounts, or what the unexpected error was (a reply that could not be saved says why). */}
      {description.code === 'BUDGET_EXCEEDED' || description.code === 'UNKNOWN' ? <p className="mt-0.5">{message.error.message}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {autoRetryAt === null ? <ActionHint description={description} vaultHref={vaultHref} newConversationHref={newConversationHref} /> : <AutoRetryCountdown at={autoRetryAt} />}
        {description.code === 'BUDGET_EXCEEDED' ? <BudgetRefusalActions messageId={message.id} vaultHref={vaultHref} /> : null}
        {onRetry ? <Button size="sm" variant="secondary" onClick={onRetry}>{autoRetryAt === null ? 'Retry' : 'Retry now'}</Button> : null}
      </div>
    </div>
  );
}
