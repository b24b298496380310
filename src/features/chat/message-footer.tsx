// Under every reply: model, tokens in and out, cost, time to first token and total time.
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { findModel, formatCost } from '../../byok/provider-config';
import { formatDuration, formatTokenCount } from './format-duration';

const STATUS_LABELS: Partial<Record<StoredMessage['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Cut off',
  error: 'Failed',
};

export function MessageFooter({ message }: { message: StoredMessage }) {
  const modelName = message.provider && message.model ? (findModel(message.provider, message.model)?.name ?? message.model) : null;
  const items: Array<{ label: string; value: string; testId: string }> = [];
  if (modelName) items.push({ label: 'Model', value: modelName, testId: 'model' });
  // "≈": the provider sent no usage for this reply (stopped, cut off), so it was counted from the text.
  const approximately = message.usage?.estimated ? '≈ ' : '';
  if (message.usage) {
    items.push({ label: 'Input tokens', value: approximately + formatTokenCount(message.usage.inputTokens), testId: 'input-tokens' });
    items.push({ label: 'Output tokens', value: approximately + formatTokenCount(message.usage.outputTokens), testId: 'output-tokens' });
    // Part of the output: a model that thinks without showing it (OpenAI's Chat Completions) would
    // otherwise bill hundreds of tokens for a one-line answer with nothing to say why.
    const reasoning = message.usage.reasoningTokens ?? 0;
    if (reasoning > 0) items.push({ label: 'of them reasoning', value: formatTokenCount(reasoning), testId: 'reasoning-tokens' });
  }
  if (message.cost !== undefined) items.push({ label: 'Cost', value: message.cost === null ? 'price unknown' : approximately + formatCost(message.cost), testId: 'cost' });
  if (message.firstTokenMs !== undefined) items.push({ label: 'First token', value: formatDuration(message.firstTokenMs), testId: 'first-token' });
  if (message.totalMs !== undefined) items.push({ label: 'Total', value: formatDuration(message.totalMs), testId: 'total-time' });
  const statusLabel = STATUS_LABELS[message.status];

  return (
    <dl className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-label="Reply details"
      data-estimated={message.usage?.estimated ? 'true' : undefined} title={approximately ? 'Estimated from the text: the provider sent no token count for this reply.' : undefined}>
      {statusLabel ? (
        <div className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100" data-testid="reply-status">
          <dt className="sr-only">Status</dt>
          <dd>{statusLabel}</dd>
        </div>
      ) : null}
      {items.map((item) => (
        <div key={item.label} className="flex gap-1">
          <dt>{item.label}</dt>
          <dd className="font-medium tabular-nums text-slate-800 dark:text-slate-200" data-testid={item.testId}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
