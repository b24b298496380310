// @vitest-environment happy-dom
// The saved-conversations list renders a page of rows at first (performance.md B7); every other
// conversation must still be reachable without a mouse wheel: by "Show more", and by tabbing on.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeta } from '../../byok/conversations/conversation-test-fixtures';
import { ConversationRows } from './conversation-rows';
import { LIST_FOCUS_LOOKAHEAD, LIST_PAGE_SIZE } from './render-window';

const TOTAL = 2 * LIST_PAGE_SIZE + 10;
const conversations = Array.from({ length: TOTAL }, (_, index) => createMeta({ id: `c${index}`, title: `Conversation ${index + 1}` }));

function renderRows() {
  render(
    <ConversationRows conversations={conversations} snippets={null} currentId={null} hrefForConversation={(id) => `#/chat/${id ?? ''}`} onNavigate={() => undefined} />,
  );
  return () => screen.getByRole('list', { name: 'Saved conversations' }).querySelectorAll(':scope > li');
}

afterEach(cleanup);

describe('ConversationRows', () => {
  it('renders the first page, and "Show more" adds the next one and moves the focus to its first row', async () => {
    const rows = renderRows();
    expect(rows()).toHaveLength(LIST_PAGE_SIZE);
    const more = screen.getByRole('button', { name: `Show more conversations (${TOTAL - LIST_PAGE_SIZE} not shown)` });
    fireEvent.click(more);
    expect(rows()).toHaveLength(2 * LIST_PAGE_SIZE);
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(document.activeElement?.textContent).toContain(`Conversation ${LIST_PAGE_SIZE + 1}`);
    fireEvent.click(screen.getByRole('button', { name: /^Show more conversations/ }));
    expect(rows()).toHaveLength(TOTAL);
    expect(screen.queryByRole('button', { name: /^Show more conversations/ })).toBeNull();
  });

  it('adds rows when the focus reaches one of the last ones, so Tab never runs off the end', () => {
    const rows = renderRows();
    const nearEnd = rows()[LIST_PAGE_SIZE - LIST_FOCUS_LOOKAHEAD]?.querySelector('a');
    expect(nearEnd).toBeTruthy();
    act(() => nearEnd?.focus());
    expect(rows()).toHaveLength(2 * LIST_PAGE_SIZE);
  });
});
