// The conversation's tools: define them, switch each on or off, and keep a small library of tools
// (stored encrypted with the vault key) to reuse in other conversations.
import { useEffect, useState } from 'react';
import { loadToolLibrary, saveToolLibrary } from '../../byok/conversations/tool-library';
import type { ConversationMeta, ConversationTool } from '../../byok/conversations/conversation-types';
import { describeError } from '../../byok/describe-error';
import { findModel } from '../../byok/provider-config';
import { Button } from '../../components/ui/button';
import { updateConversationSettings } from './chat-conversation-actions';
import { ToolDraftForm } from './tool-draft-form';

function useToolLibrary() {
  const [library, setLibrary] = useState<ConversationTool[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    loadToolLibrary().then((tools) => current && setLibrary(tools), (error: unknown) => current && setProblem(describeError(error).title));
    return () => {
      current = false;
    };
  }, []);
  const save = async (tools: ConversationTool[]) => {
    try {
      await saveToolLibrary(tools);
      setLibrary(tools);
      setProblem(null);
    } catch (error) {
      setProblem(`Could not save the library: ${describeError(error).title}`);
    }
  };
  return { library, problem, save };
}

function ToolRow({ tool, inLibrary, onChange, onEdit, onRemove, onKeep }: {
  tool: ConversationTool; inLibrary: boolean; onChange(tool: ConversationTool): void; onEdit(): void; onRemove(): void; onKeep(): void;
}) {
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5" aria-label={`Tool ${tool.name}`}>
      <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
        <input type="checkbox" checked={tool.enabled} onChange={(event) => onChange({ ...tool, enabled: event.target.checked })} />
        <code className="font-mono">{tool.name}</code>
        <span className="sr-only">enabled</span>
        {tool.description ? <span className="truncate text-xs text-slate-600 dark:text-slate-400">{tool.description}</span> : null}
      </label>
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${tool.name}`}>Edit</Button>
      <Button size="sm" variant="ghost" onClick={onKeep} disabled={inLibrary} aria-label={`Save ${tool.name} to library`}>{inLibrary ? 'In library' : 'Save to library'}</Button>
      <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove ${tool.name}`}>Remove</Button>
    </li>
  );
}

export function ToolsPanel({ conversation }: { conversation: ConversationMeta }) {
  const tools = conversation.tools ?? [];
  const [editing, setEditing] = useState<ConversationTool | 'new' | null>(null);
  const { library, problem, save } = useToolLibrary();
  const supportsTools = findModel(conversation.provider, conversation.model)?.features.functionCalling !== false;
  const setTools = (next: ConversationTool[]) => void updateConversationSettings({ tools: next });
  const names = (except?: string) => tools.filter((tool) => tool.id !== except).map((tool) => tool.name);
  const available = (library ?? []).filter((saved) => !tools.some((tool) => tool.name === saved.name));

  return (
    <section aria-label="Tools" className="space-y-2">
      <h3 className="text-sm font-medium text-slate-800 dark:text-slate-200">Tools</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {supportsTools ? 'Enabled tools are offered to the model. When it calls one, you type the result in the reply.' : 'This model cannot call tools.'}
      </p>
      {tools.length > 0 ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Conversation tools">
          {tools.map((tool) => (
            <ToolRow key={tool.id} tool={tool} inLibrary={(library ?? []).some((saved) => saved.name === tool.name)}
              onChange={(changed) => setTools(tools.map((entry) => (entry.id === tool.id ? changed : entry)))}
              onEdit={() => setEditing(tool)} onRemove={() => setTools(tools.filter((entry) => entry.id !== tool.id))}
              onKeep={() => void save([...(library ?? []), { ...tool, enabled: true }])} />
          ))}
        </ul>
      ) : null}
      {editing ? (
        <ToolDraftForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { initial: editing })}
          takenNames={names(editing === 'new' ? undefined : editing.id)} onCancel={() => setEditing(null)}
          onSave={(tool) => {
            setTools(editing === 'new' ? [...tools, tool] : tools.map((entry) => (entry.id === tool.id ? tool : entry)));
            setEditing(null);
          }} />
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setEditing('new')}>Define a tool</Button>
      )}
      {available.length > 0 ? (
        <div className="space-y-1">
          <h4 className="text-xs font-medium text-slate-700 dark:text-slate-300">From your tool library</h4>
          <ul className="flex flex-wrap gap-2" aria-label="Tool library">
            {available.map((saved) => (
              <li key={saved.id}>
                <Button size="sm" variant="ghost" onClick={() => setTools([...tools, { ...saved, id: crypto.randomUUID(), enabled: true }])}>
                  Add <code className="font-mono">{saved.name}</code>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {problem ? <p role="alert" className="text-xs text-red-700 dark:text-red-300">{problem}</p> : null}
    </section>
  );
}
