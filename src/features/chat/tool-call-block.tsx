import type { ToolCall } from '../../byok/types';

/** A tool the model asked to call, shown as a readable block: its name and JSON arguments. */
export function ToolCallBlock({ toolCall }: { toolCall: ToolCall }) {
  return (
    <figure className="my-2 rounded-lg border border-brand-200 bg-brand-50/60 p-3 text-sm dark:border-brand-700 dark:bg-brand-900/30">
      <figcaption className="mb-1 font-medium">
        Tool call: <code className="font-mono">{toolCall.name}</code>
      </figcaption>
      <pre className="overflow-x-auto font-mono text-xs leading-relaxed" tabIndex={0}>{JSON.stringify(toolCall.arguments, null, 2)}</pre>
    </figure>
  );
}
