// @vitest-environment happy-dom
// The search field readies the search as it gets the focus (performance.md B7): the records still
// missing from memory are read while the reader starts to type, not by the first keystroke's search.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const actions = vi.hoisted(() => ({ readySearch: vi.fn(), searchConversationText: vi.fn(async () => undefined) }));
vi.mock('./chat-conversation-actions', () => actions);

const { ConversationSidebar } = await import('./conversation-sidebar');

afterEach(cleanup);

describe('ConversationSidebar', () => {
  it('readies the search when the search field gets the focus, before anything is typed', () => {
    render(<ConversationSidebar currentId={null} hrefForConversation={(id) => `#/chat/${id ?? ''}`} onNavigate={() => undefined} />);
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    expect(actions.readySearch).not.toHaveBeenCalled();
    act(() => search.focus());
    expect(actions.readySearch).toHaveBeenCalledTimes(1);
    expect(actions.searchConversationText).not.toHaveBeenCalledWith(expect.stringMatching(/\S/));
  });
});
