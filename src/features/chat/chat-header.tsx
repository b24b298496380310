// The open conversation's one-row header: the list button, the title with its running total, and
// its tools (settings, export) as icon buttons.
import { useCallback, useRef, useState } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { Button } from '../../components/ui/button';
import { useDismiss } from '../../lib/use-dismiss';
import { ChatBudgetStatus } from './chat-budget-status';
import { ESTIMATED_TOTAL_HINT, formatConversationCost } from './conversation-total';
import { exportAsJson, exportAsMarkdown } from './conversation-transfer-actions';
import { formatTokenCount } from './format-duration';

export interface ChatHeaderProps {
  conversation: ConversationMeta;
  saved: boolean;
  settingsOpen: boolean;
  onToggleSettings(): void;
  onToggleList(): void;
  /** Whether the desktop column is shown (phones always use the drawer). */
  listOpen: boolean;
}

const ICON_PROPS = { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

function ExportMenu({ conversation }: { conversation: ConversationMeta }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useDismiss(trigger, menu, open, useCallback(() => setOpen(false), []));
  return (
    <div className="relative">
      <Button ref={trigger} size="sm" variant="ghost" className="px-2" aria-label="Export" title="Export" aria-expanded={open} aria-controls="export-menu" onClick={() => setOpen(!open)}>
        <svg {...ICON_PROPS}><path d="M12 4v11M7 10l5 5 5-5M5 19h14" /></svg>
      </Button>
      {open ? (
        <div ref={menu} id="export-menu" className="absolute right-0 top-full z-20 mt-1 flex w-56 flex-col rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
          <Button size="sm" variant="ghost" className="justify-start" onClick={() => { setOpen(false); void exportAsMarkdown(conversation); }}>As Markdown (.md)</Button>
          <Button size="sm" variant="ghost" className="justify-start" onClick={() => { setOpen(false); void exportAsMarkdown(conversation, { includeReasoning: true }); }}>As Markdown with thinking</Button>
          <Button size="sm" variant="ghost" className="justify-start" onClick={() => { setOpen(false); void exportAsJson(conversation); }}>As JSON (.json)</Button>
        </div>
      ) : null}
    </div>
  );
}

export function ChatHeader({ conversation, saved, settingsOpen, onToggleSettings, onToggleList, listOpen }: ChatHeaderProps) {
  return (
    <div className="flex shrink-0 items-center gap-1 border-b border-slate-200 px-1.5 py-0.5 sm:px-3 dark:border-slate-800">
      <Button size="sm" variant="ghost" className="px-2" onClick={onToggleList} aria-label={listOpen ? 'Conversations' : 'Show conversations'} title="Conversations"
>
        <svg {...ICON_PROPS}><path d="M4 6h16M4 12h16M4 18h10" /></svg>
      </Button>
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-sm font-semibold sm:text-base" data-testid="conversation-title">{conversation.title}</h2>
        <p className="truncate text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="conversation-total" title={conversation.estimatedTotals ? ESTIMATED_TOTAL_HINT : undefined}>
          Total {formatConversationCost(conversation)} · {formatTokenCount(conversation.totalInputTokens)} in / {formatTokenCount(conversation.totalOutputTokens)} out
        </p>
        <ChatBudgetStatus provider={conversation.provider} />
      </div>
      <Button size="sm" variant={settingsOpen ? 'secondary' : 'ghost'} className="px-2" aria-label="Settings" title="Conversation settings" aria-expanded={settingsOpen} onClick={onToggleSettings}>
        <svg {...ICON_PROPS}><path d="M4 7h10M18 7h2M4 17h4M12 17h8" /><circle cx="16" cy="7" r="2" /><circle cx="10" cy="17" r="2" /></svg>
      </Button>
      {saved ? <ExportMenu conversation={conversation} /> : null}
    </div>
  );
}
