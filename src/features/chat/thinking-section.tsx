// The model's visible reasoning above its answer. Open while the model thinks, so the reasoning
// streams in view; it folds away by itself when the answer starts, and the reader can open it
// again. The summary line says how long the model thought and how many tokens it spent.
import { useState } from 'react';
import { formatDuration, formatTokenCount } from './format-duration';
import { MarkdownView } from './markdown-view';

export interface ThinkingSectionProps {
  reasoning: string;
  /** The model is still thinking: no answer text or tool call yet. */
  thinking: boolean;
  durationMs?: number | undefined;
  reasoningTokens?: number | undefined;
}

function describeThought(durationMs: number | undefined, reasoningTokens: number | undefined): string {
  const parts = [durationMs === undefined ? 'Thought' : `Thought for ${formatDuration(durationMs)}`];
  if (reasoningTokens) parts.push(`${formatTokenCount(reasoningTokens)} reasoning tokens`);
  return parts.join(' · ');
}

export function ThinkingSection({ reasoning, thinking, durationMs, reasoningTokens }: ThinkingSectionProps) {
  const [view, setView] = useState({ thinking, open: thinking });
  // Follows the stream: open while thinking, closed once the answer begins. A reader's own toggle
  // afterwards sticks, because this only happens when `thinking` changes (state adjusted in render).
  if (view.thinking !== thinking) setView({ thinking, open: thinking });
  const open = view.thinking === thinking ? view.open : thinking;
  const setOpen = (next: boolean) => setView({ thinking, open: next });

  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="mb-2 rounded-lg border border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-300"
      data-testid="thinking-section"
      data-thinking={thinking || undefined}
    >
      <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium">
        {thinking ? <span className="animate-pulse motion-reduce:animate-none">Thinking…</span> : describeThought(durationMs, reasoningTokens)}
      </summary>
      <div className="border-t border-slate-200 px-3 py-2 text-xs leading-relaxed dark:border-slate-700" aria-label="Thinking" role="region">
        <MarkdownView text={reasoning} streaming={thinking} />
      </div>
    </details>
  );
}
