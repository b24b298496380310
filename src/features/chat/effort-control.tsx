// How hard a reasoning model thinks, in the composer, for models that take an effort. Remembered
// per conversation; values the model does not take are never offered (the library would clamp them).
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { findModel } from '../../byok/provider-config';
import { REASONING_EFFORTS, type ReasoningEffort } from '../../byok/types';
import { updateConversationSettings } from './chat-conversation-actions';

const EFFORT_LABELS: Record<ReasoningEffort, string> = {
  none: 'No thinking',
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

function isEffort(value: string): value is ReasoningEffort {
  return (REASONING_EFFORTS as readonly string[]).includes(value);
}

export function EffortControl({ conversation, disabled }: { conversation: ConversationMeta; disabled?: boolean }) {
  const efforts = findModel(conversation.provider, conversation.model)?.reasoning?.efforts ?? [];
  if (efforts.length === 0) return null;
  const current = conversation.settings.reasoningEffort;

  function choose(value: string) {
    const { reasoningEffort: _previous, ...rest } = conversation.settings;
    void updateConversationSettings({ settings: isEffort(value) ? { ...rest, reasoningEffort: value } : rest });
  }

  return (
    <label className="flex shrink-0 items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      {/* On phones the toolbar is tight: the select's own value says enough, the name stays for screen readers. */}
      <span className="sr-only sm:not-sr-only">Effort</span>
      <select
        value={current !== undefined && efforts.includes(current) ? current : ''}
        disabled={disabled}
        onChange={(event) => choose(event.target.value)}
        className="min-h-11 max-w-[4.75rem] rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 sm:max-w-[6.5rem] lg:min-h-0 pointer-coarse:min-h-11 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        title="How long the model may think before it answers (reasoning tokens are billed as output)"
      >
        <option value="">Default</option>
        {efforts.map((effort) => <option key={effort} value={effort}>{EFFORT_LABELS[effort]}</option>)}
      </select>
    </label>
  );
}
