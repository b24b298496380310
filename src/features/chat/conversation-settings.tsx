// Per-conversation settings: system prompt, temperature, max tokens. Committed when a field loses
// focus, so typing a system prompt does not write an encrypted record per keystroke.
import { useState } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { findModel } from '../../byok/provider-config';
import type { ChatSettings } from '../../byok/types';
import { TextField } from '../../components/ui/field';
import { updateConversationSettings } from './chat-conversation-actions';
import { ToolsPanel } from './tools-panel';

function readNumber(text: string, minimum: number, maximum: number): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? Math.min(maximum, Math.max(minimum, value)) : undefined;
}

export function ConversationSettings({ conversation }: { conversation: ConversationMeta }) {
  const [systemPrompt, setSystemPrompt] = useState(conversation.settings.systemPrompt ?? '');
  const [temperature, setTemperature] = useState(conversation.settings.temperature?.toString() ?? '');
  const [maxTokens, setMaxTokens] = useState(conversation.settings.maxTokens?.toString() ?? '');
  const model = findModel(conversation.provider, conversation.model);
  const outputLimit = model?.maxOutputTokens ?? 1_000_000;

  function commit() {
    // Fields edited elsewhere (the composer's effort) are kept.
    const settings: ChatSettings = conversation.settings.reasoningEffort ? { reasoningEffort: conversation.settings.reasoningEffort } : {};
    if (systemPrompt.trim()) settings.systemPrompt = systemPrompt;
    const parsedTemperature = readNumber(temperature, 0, 2);
    if (parsedTemperature !== undefined) settings.temperature = parsedTemperature;
    const parsedMaxTokens = readNumber(maxTokens, 1, outputLimit);
    if (parsedMaxTokens !== undefined) settings.maxTokens = Math.round(parsedMaxTokens);
    void updateConversationSettings({ settings });
  }

  return (
    <section aria-label="Conversation settings" className="space-y-3 border-b border-slate-200 bg-slate-50 px-4 py-4 dark:border-slate-800 dark:bg-slate-900/60">
      <div className="space-y-1.5">
        <label htmlFor="system-prompt" className="block text-sm font-medium text-slate-800 dark:text-slate-200">System prompt</label>
        <textarea
          id="system-prompt"
          rows={3}
          value={systemPrompt}
          onChange={(event) => setSystemPrompt(event.target.value)}
          onBlur={commit}
          placeholder="How the model should behave in this conversation"
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Temperature" type="number" inputMode="decimal" min={0} max={2} step={0.1} value={temperature} placeholder="Provider default"
          hint={model?.rejectsTemperature ? 'This model ignores temperature.' : '0 is focused, 2 is most varied.'}
          onChange={(event) => setTemperature(event.target.value)} onBlur={commit} />
        <TextField label="Max tokens" type="number" inputMode="numeric" min={1} max={outputLimit} step={1} value={maxTokens} placeholder="Provider default"
          hint={`Up to ${outputLimit.toLocaleString('en-US')} for this model.`}
          onChange={(event) => setMaxTokens(event.target.value)} onBlur={commit} />
      </div>
      <ToolsPanel conversation={conversation} />
    </section>
  );
}
