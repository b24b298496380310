// One conversation in the list: open it, or from its actions menu rename it in place or delete it
// after a confirmation.
import { memo, useCallback, useRef, useState, type MouseEvent } from 'react';
import type { SearchSnippet } from '../../byok/conversations/conversation-store';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { Button } from '../../components/ui/button';
import { PencilIcon, TrashIcon } from '../../components/ui/icons';
import { useDismiss } from '../../lib/use-dismiss';
import { openConversation, removeConversation, renameConversation } from './chat-conversation-actions';
import { formatConversationCost } from './conversation-total';

export interface ConversationListItemProps {
  conversation: ConversationMeta;
  /** The words around the search match, shown under the title while searching. */
  snippet: SearchSnippet | null;
  href: string;
  current: boolean;
  /** Where to go after deleting the conversation that is open. */
  newConversationHref: string;
  onNavigate(): void;
}

/** Text nodes around a <mark>: the snippet is user text, so it never goes through innerHTML. */
function SnippetText({ snippet }: { snippet: SearchSnippet }) {
  const { text, matchStart, matchEnd } = snippet;
  return (
    <span className="line-clamp-2 text-xs break-words text-slate-700 dark:text-slate-300" data-testid="search-snippet">
      {text.slice(0, matchStart)}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-300/80">{text.slice(matchStart, matchEnd)}</mark>
      {text.slice(matchEnd)}
    </span>
  );
}

type Mode = 'view' | 'rename' | 'confirm-delete';

/** A click that follows the link in this tab (not a new tab or window). */
function opensHere(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Memoised: typing in the search box or opening another conversation leaves other rows alone. */
export const ConversationListItem = memo(function ConversationListItem({ conversation, snippet, href, current, newConversationHref, onNavigate }: ConversationListItemProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [title, setTitle] = useState(conversation.title);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useDismiss(menuButton, menu, menuOpen, useCallback(() => setMenuOpen(false), []));

  if (mode === 'rename') {
    return (
      <li>
        <form className="flex gap-1 p-1" aria-label={`Rename ${conversation.title}`}
          onSubmit={(event) => { event.preventDefault(); void renameConversation(conversation, title); setMode('view'); }}>
          <label htmlFor={`rename-${conversation.id}`} className="sr-only">New title</label>
          <input id={`rename-${conversation.id}`} value={title} onChange={(event) => setTitle(event.target.value)} autoFocus
            onKeyDown={(event) => event.key === 'Escape' && setMode('view')}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900" />
          <Button size="sm" type="submit">Save</Button>
        </form>
      </li>
    );
  }
  if (mode === 'confirm-delete') {
    return (
      <li className="rounded-lg bg-red-50 p-2 text-sm dark:bg-red-900/30" role="group" aria-label={`Delete ${conversation.title}?`}>
        <p className="mb-2">Delete “{conversation.title}”? This cannot be undone.</p>
        <div className="flex gap-2">
          <Button size="sm" variant="danger" onClick={async () => {
            await removeConversation(conversation.id);
            if (current) window.location.hash = newConversationHref;
          }}>Delete</Button>
          <Button size="sm" variant="secondary" onClick={() => setMode('view')}>Cancel</Button>
        </div>
      </li>
    );
  }
  return (
    <li className="group relative flex items-center rounded-lg aria-[current=true]:bg-brand-50 dark:aria-[current=true]:bg-brand-900/40" aria-current={current || undefined}>
      <a href={href} onClick={(event) => {
        // The newest messages are read from the click, while the route change is still rendering.
        if (opensHere(event)) void openConversation(conversation.id, null);
        onNavigate();
      }} aria-current={current ? 'page' : undefined} className="flex min-h-11 min-w-0 flex-1 flex-col justify-center rounded-lg py-1.5 pr-12 pl-3 hover:bg-slate-100 lg:pr-3 lg:group-focus-within:pr-12 lg:group-hover:pr-12 dark:hover:bg-slate-800">
        <span className="block truncate text-sm font-medium">{conversation.title}</span>
        {snippet ? <SnippetText snippet={snippet} /> : null}
        <span className="block text-xs text-slate-600 tabular-nums dark:text-slate-400">{formatConversationCost(conversation)} · {new Date(conversation.updatedAt).toLocaleDateString()}</span>
      </a>
      {/* Desktop: shown on hover or focus, so titles keep the whole width; phones always show it. */}
      <div className="absolute top-1/2 right-0.5 -translate-y-1/2 lg:opacity-0 lg:group-focus-within:opacity-100 lg:group-hover:opacity-100">
        <Button ref={menuButton} size="sm" variant="ghost" className="px-1.5" aria-label={`Actions for ${conversation.title}`} aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          <svg viewBox="0 0 24 24" width="18" height="18" fill="currentColor" aria-hidden="true"><circle cx="5" cy="12" r="1.8" /><circle cx="12" cy="12" r="1.8" /><circle cx="19" cy="12" r="1.8" /></svg>
        </Button>
      </div>
      {menuOpen ? (
        <div ref={menu} className="absolute top-full right-0 z-20 flex w-40 flex-col rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
          <Button size="sm" variant="ghost" className="justify-start" aria-label={`Rename ${conversation.title}`} onClick={() => { setMenuOpen(false); setTitle(conversation.title); setMode('rename'); }}>
            <PencilIcon width={16} height={16} /> Rename
          </Button>
          <Button size="sm" variant="ghost" className="justify-start text-red-700 dark:text-red-300" aria-label={`Delete ${conversation.title}`} onClick={() => { setMenuOpen(false); setMode('confirm-delete'); }}>
            <TrashIcon width={16} height={16} /> Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
});
