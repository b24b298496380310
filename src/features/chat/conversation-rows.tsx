// The saved conversations as a real list that grows as it is used: the first rows render at once,
// more are added when the reader scrolls near the end or tabs onto one of the last rows, and a
// "Show more" button does the same for anyone whose screen reader moves without scrolling or
// focusing (performance.md B7: a 1,000-row list rendered at once took most of a second).
import { useCallback, useRef, useState, type FocusEvent } from 'react';
import type { SearchSnippet } from '../../byok/conversations/conversation-store';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { ConversationListItem } from './conversation-list-item';
import { LIST_PAGE_SIZE, grownRowCount, isNearEnd, rowCountForFocus } from './render-window';

export interface ConversationRowsProps {
  conversations: ConversationMeta[];
  /** The search's snippet per shown conversation, or null when not searching. */
  snippets: ReadonlyMap<string, SearchSnippet | null> | null;
  currentId: string | null;
  hrefForConversation(id?: string): string;
  onNavigate(): void;
}

export function ConversationRows({ conversations, snippets, currentId, hrefForConversation, onNavigate }: ConversationRowsProps) {
  const [rowCount, setRowCount] = useState(LIST_PAGE_SIZE);
  const listRef = useRef<HTMLUListElement>(null);
  const total = conversations.length;
  const rendered = Math.min(rowCount, total);

  const onScroll = useCallback(() => {
    const list = listRef.current;
    if (list && isNearEnd(list)) setRowCount((count) => grownRowCount(Math.min(count, total), total));
  }, [total]);

  const onFocus = useCallback((event: FocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest('li');
    const index = row ? Array.prototype.indexOf.call(event.currentTarget.children, row) : -1;
    setRowCount((count) => rowCountForFocus(index, Math.min(count, total), total));
  }, [total]);

  const showMore = () => {
    setRowCount(grownRowCount(rendered, total));
    // Focus the first new row, so the keyboard carries on from where the list ended.
    requestAnimationFrame(() => listRef.current?.children[rendered]?.querySelector('a')?.focus());
  };

  return (
    <>
      <ul ref={listRef} onScroll={onScroll} onFocus={onFocus} className="-mx-1 min-h-0 flex-1 space-y-0.5 overflow-y-auto px-1" aria-label="Saved conversations">
        {conversations.slice(0, rendered).map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} snippet={snippets?.get(conversation.id) ?? null} href={hrefForConversation(conversation.id)} current={conversation.id === currentId}
            newConversationHref={hrefForConversation()} onNavigate={onNavigate} />
        ))}
      </ul>
      {rendered < total ? (
        <button type="button" onClick={showMore} className="rounded-lg px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100 dark:text-brand-300 dark:hover:bg-slate-800">
          Show more conversations ({total - rendered} not shown)
        </button>
      ) : null}
    </>
  );
}
