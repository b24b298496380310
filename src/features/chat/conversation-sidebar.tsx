// The conversation list: new, search (titles and text), import, and each conversation.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Spinner } from '../../components/ui/spinner';
import { readySearch, searchConversationText } from './chat-conversation-actions';
import { useChatStore } from './chat-store';
import { importConversationData, readConversationFile, type PendingImport } from './conversation-transfer-actions';
import { ConversationRows } from './conversation-rows';

export interface ConversationSidebarProps {
  currentId: string | null;
  hrefForConversation(id?: string): string;
  onNavigate(): void;
}


export function ConversationSidebar({ currentId, hrefForConversation, onNavigate }: ConversationSidebarProps) {
  const conversations = useChatStore((state) => state.conversations);
  const listStatus = useChatStore((state) => state.listStatus);
  const searchResults = useChatStore((state) => state.searchResults);
  const [query, setQuery] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const openImported = (id: string) => {
    window.location.hash = hrefForConversation(id);
    onNavigate();
  };
  const finishImport = async (replace: boolean) => {
    if (!pendingImport) return;
    setPendingImport(null);
    const id = await importConversationData(pendingImport.data, replace ? pendingImport.existing : undefined);
    if (id) openImported(id);
  };

  // On every keystroke, with no debounce: once the search cache is filled a search is a scan of
  // memory (a few milliseconds), and searchConversationText keeps only the newest query's answer.
  useEffect(() => {
    void searchConversationText(query);
  }, [query]);

  const shown = useMemo(() => {
    if (searchResults === null) return { conversations, snippets: null };
    const snippets = new Map(searchResults.map((hit) => [hit.id, hit.snippet]));
    return { conversations: conversations.filter((conversation) => snippets.has(conversation.id)), snippets };
  }, [conversations, searchResults]);

  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col gap-3">
      <div className="flex gap-2">
        <a href={hrefForConversation()} onClick={onNavigate} className="inline-flex flex-1 items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          + New chat
        </a>
        <Button variant="secondary" onClick={() => fileInput.current?.click()} title="Import a conversation exported as JSON">Import</Button>
        <input ref={fileInput} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-hidden="true"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            const read = await readConversationFile(file);
            if ('pending' in read) setPendingImport(read.pending);
            else if (read.id) openImported(read.id);
          }} />
      </div>
      {pendingImport ? (
        <div role="alertdialog" aria-label="This conversation is already here" className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm ring-1 ring-amber-300 dark:bg-amber-950/40 dark:ring-amber-800">
          <p>“{pendingImport.existing.title}” is already here. Replace it with the file, or keep both?</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="danger" onClick={() => void finishImport(true)}>Replace</Button>
            <Button size="sm" variant="secondary" onClick={() => void finishImport(false)}>Keep both</Button>
            <Button size="sm" variant="ghost" onClick={() => setPendingImport(null)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor="conversation-search" className="sr-only">Search conversations</label>
        <input id="conversation-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} onFocus={readySearch} placeholder="Search titles and messages"
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400" />
      </div>
      {listStatus === 'loading' ? <Spinner label="Decrypting conversations…" /> : null}
      {listStatus === 'ready' && shown.conversations.length === 0 ? (
        <p className="px-1 text-sm text-slate-600 dark:text-slate-400">{searchResults === null ? 'No conversations yet.' : 'No conversation matches.'}</p>
      ) : null}
      <ConversationRows conversations={shown.conversations} snippets={shown.snippets} currentId={currentId} hrefForConversation={hrefForConversation} onNavigate={onNavigate} />
    </nav>
  );
}
