// Define or edit one tool: name, description and JSON Schema parameters, each checked as you type.
import { useState } from 'react';
import type { ConversationTool } from '../../byok/conversations/conversation-types';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { checkToolDraft, type ToolDraft } from './tool-schema';

export const EXAMPLE_PARAMETERS = `{
  "type": "object",
  "properties": {
    "city": { "type": "string", "description": "City name" }
  },
  "required": ["city"]
}`;

export interface ToolDraftFormProps {
  /** The tool being edited, or undefined for a new one. */
  initial?: ConversationTool;
  /** Names already used by the conversation's other tools. */
  takenNames: string[];
  onSave(tool: ConversationTool): void;
  onCancel(): void;
}

export function ToolDraftForm({ initial, takenNames, onSave, onCancel }: ToolDraftFormProps) {
  const [draft, setDraft] = useState<ToolDraft>({
    name: initial?.name ?? '',
    description: initial?.description ?? '',
    parametersText: initial ? JSON.stringify(initial.parameters, null, 2) : EXAMPLE_PARAMETERS,
  });
  const check = checkToolDraft(draft, takenNames);
  const schemaId = `tool-parameters-${initial?.id ?? 'new'}`;
  const valid = !check.nameError && check.parameters !== undefined;

  function save() {
    if (!check.parameters || check.nameError) return;
    const description = draft.description.trim();
    onSave({ id: initial?.id ?? crypto.randomUUID(), name: draft.name.trim(), enabled: initial?.enabled ?? true, parameters: check.parameters, ...(description ? { description } : {}) });
  }

  return (
    <form aria-label={initial ? `Edit tool ${initial.name}` : 'New tool'} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={(event) => { event.preventDefault(); save(); }}>
      <TextField label="Tool name" value={draft.name} placeholder="get_weather" autoComplete="off" spellCheck={false}
        error={draft.name === '' ? undefined : check.nameError} hint="Letters, digits, _ or -; the model calls the tool by this name."
        onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      <TextField label="Description" value={draft.description} placeholder="What the tool does and when to use it"
        onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
      <div className="space-y-1">
        <label htmlFor={schemaId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">Parameters (JSON Schema)</label>
        <textarea id={schemaId} rows={7} spellCheck={false} value={draft.parametersText}
          aria-invalid={check.parametersError ? true : undefined} aria-describedby={`${schemaId}-status`}
          onChange={(event) => setDraft({ ...draft, parametersText: event.target.value })}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100" />
        <p id={`${schemaId}-status`} className={`text-xs ${check.parametersError ? 'text-red-700 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}`}>
          {check.parametersError ?? 'Valid schema.'}
        </p>
      </div>
      <div className="flex gap-2">
        <Button size="sm" type="submit" disabled={!valid}>{initial ? 'Save tool' : 'Add tool'}</Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
