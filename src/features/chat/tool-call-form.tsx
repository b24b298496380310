// The model asked to call tools: one form per call with its name, its arguments pretty-printed and
// checked against the tool's schema, and a box for the result the user types (or a refusal).
// Send hands every answer back and the model continues.
import { useState } from 'react';
import type { ConversationTool } from '../../byok/conversations/conversation-types';
import type { ToolCall } from '../../byok/types';
import { Button } from '../../components/ui/button';
import { sendToolResults } from './chat-turn-actions';
import { checkAgainstSchema } from './tool-schema';

interface Answer {
  result: string;
  rejected: boolean;
}

function SchemaCheck({ toolCall, tool }: { toolCall: ToolCall; tool: ConversationTool | undefined }) {
  if (!tool) return <p className="text-xs text-amber-800 dark:text-amber-200">No tool named {toolCall.name} is defined in this conversation, so the arguments cannot be checked.</p>;
  const problems = checkAgainstSchema(toolCall.arguments, tool.parameters);
  if (problems.length === 0) return <p className="text-xs text-emerald-800 dark:text-emerald-300">Arguments match the schema.</p>;
  return (
    <div role="alert" className="text-xs text-red-800 dark:text-red-300">
      <p>The arguments do not match the schema:</p>
      <ul className="list-disc pl-5">{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
    </div>
  );
}

function CallFields({ toolCall, label, tool, answer, onChange }: {
  toolCall: ToolCall; label: string; tool: ConversationTool | undefined; answer: Answer; onChange(answer: Answer): void;
}) {
  const id = `tool-result-${toolCall.id}`;
  return (
    <fieldset className="space-y-2 rounded-lg border border-brand-200 bg-brand-50/60 p-3 dark:border-brand-700 dark:bg-brand-900/30" data-testid="tool-call-form">
      <legend className="px-1 text-sm font-medium">Tool call: <code className="font-mono">{toolCall.name}</code></legend>
      <pre className="overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs leading-relaxed dark:bg-slate-950/50" tabIndex={0} aria-label={`Arguments of ${label}`}>
        {JSON.stringify(toolCall.arguments, null, 2)}
      </pre>
      <SchemaCheck toolCall={toolCall} tool={tool} />
      <label htmlFor={id} className="block text-sm font-medium">Result of {label}</label>
      <textarea
        id={id}
        rows={2}
        value={answer.result}
        disabled={answer.rejected}
        onChange={(event) => onChange({ ...answer, result: event.target.value })}
        placeholder="What the tool returned, e.g. {&quot;tempC&quot;: 17}"
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      <Button size="sm" variant="ghost" aria-pressed={answer.rejected} onClick={() => onChange({ ...answer, rejected: !answer.rejected })}>
        {answer.rejected ? `Rejected: undo` : `Reject ${label}`}
      </Button>
    </fieldset>
  );
}

/** "get_weather", or "get_weather (call 2)" when one reply calls the same tool more than once. */
function labelCalls(toolCalls: ToolCall[]): string[] {
  return toolCalls.map((call, index) => {
    const sameName = toolCalls.filter((other) => other.name === call.name);
    return sameName.length > 1 ? `${call.name} (call ${toolCalls.slice(0, index + 1).filter((other) => other.name === call.name).length})` : call.name;
  });
}

export function ToolCallForm({ toolCalls, tools }: { toolCalls: ToolCall[]; tools: ConversationTool[] }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [sending, setSending] = useState(false);
  const labels = labelCalls(toolCalls);
  const answerOf = (call: ToolCall): Answer => answers[call.id] ?? { result: '', rejected: false };
  const ready = toolCalls.every((call) => answerOf(call).rejected || answerOf(call).result.trim() !== '');

  async function send() {
    setSending(true);
    await sendToolResults(toolCalls.map((toolCall) => ({ toolCall, ...answerOf(toolCall) })));
    setSending(false);
  }

  return (
    <form aria-label="Answer the tool calls" className="mt-2 space-y-2" onSubmit={(event) => { event.preventDefault(); void send(); }}>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        The model is waiting for {toolCalls.length === 1 ? 'this tool\'s result' : `the results of ${toolCalls.length} tool calls`}. Run the tool yourself, type what it returned, and send it back.
      </p>
      {toolCalls.map((toolCall, index) => (
        <CallFields key={toolCall.id} toolCall={toolCall} label={labels[index] ?? toolCall.name} tool={tools.find((tool) => tool.name === toolCall.name)}
          answer={answerOf(toolCall)} onChange={(answer) => setAnswers({ ...answers, [toolCall.id]: answer })} />
      ))}
      <Button size="sm" type="submit" disabled={!ready || sending}>{toolCalls.length === 1 ? 'Send result' : 'Send results'}</Button>
    </form>
  );
}
