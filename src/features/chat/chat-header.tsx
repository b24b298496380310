// The open conversation's title, its running total, and its tools (settings, export).
import { useState } from 'react';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { formatCost } from '../../byok/provider-config';
import { Button } from '../../components/ui/button';
import { exportAsJson, exportAsMarkdown } from './conversation-transfer-actions';
import { formatTokenCount } from './format-duration';

export interface ChatHeaderProps {
  conversation: ConversationMeta;
  saved: boolean;
  settingsOpen: boolean;
  onToggleSettings(): void;
  onOpenList(): void;
}

function ExportMenu({ conversation }: { conversation: ConversationMeta }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls="export-menu" onClick={() => setOpen(!open)}>Export</Button>
      {open ? (
        <div id="export-menu" className="absolute right-0 top-full z-20 mt-1 flex w-44 flex-col rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
          <Button size="sm" variant="ghost" className="justify-start" onClick={() => { setOpen(false); void exportAsMarkdown(conversation); }}>As Markdown (.md)</Button>
          <Button size="sm" variant="ghost" className="justify-start" onClick={() => { setOpen(false); void exportAsJson(conversation); }}>As JSON (.json)</Button>
        </div>
      ) : null}
    </div>
  );
}

export function ChatHeader({ conversation, saved, settingsOpen, onToggleSettings, onOpenList }: ChatHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2.5 dark:border-slate-800 sm:flex-nowrap sm:px-4">
      <Button size="sm" variant="ghost" className="lg:hidden" onClick={onOpenList} aria-label="Show conversations">
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h10" /></svg>
      </Button>
      {/* On a phone the title takes the whole first row and the tools wrap below it. */}
      <div className="min-w-0 flex-1 basis-[calc(100%-3rem)] sm:basis-auto">
        <h2 className="truncate text-base font-semibold" data-testid="conversation-title">{conversation.title}</h2>
        <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="conversation-total">
          Total {formatCost(conversation.totalCost)} · {formatTokenCount(conversation.totalInputTokens)} in / {formatTokenCount(conversation.totalOutputTokens)} out
        </p>
      </div>
      <Button size="sm" variant={settingsOpen ? 'secondary' : 'ghost'} className="ml-auto sm:ml-0" aria-expanded={settingsOpen} onClick={onToggleSettings}>Settings</Button>
      {saved ? <ExportMenu conversation={conversation} /> : null}
    </div>
  );
}
