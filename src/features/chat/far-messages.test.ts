// @vitest-environment happy-dom
// Which messages may be collapsed when far from the viewport (far-messages.ts): the browser side
// (observers, heights, focus) is covered by e2e/chat-far-messages.spec.ts.
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../byok/conversations/conversation-types';
import { collapsedText, isInUse } from './far-messages';

const message = (overrides: Partial<StoredMessage>): StoredMessage => ({
  id: 'm', conversationId: 'c', sequence: 0, role: 'assistant', content: '# A reply', status: 'complete', createdAt: 1, ...overrides,
});

describe('collapsedText', () => {
  it('is the text of a finished user or assistant message', () => {
    expect(collapsedText(message({}))).toBe('# A reply');
    expect(collapsedText(message({ role: 'user', content: 'A question' }))).toBe('A question');
    expect(collapsedText(message({ status: 'error' }))).toBe('# A reply');
  });

  it('is null for what must stay mounted: a streaming reply, tool calls and results, attachments', () => {
    expect(collapsedText(message({ status: 'streaming' }))).toBeNull();
    expect(collapsedText(message({ toolCalls: [{ id: 't', name: 'lookup', arguments: {} }] }))).toBeNull();
    expect(collapsedText(message({ role: 'tool', content: 'result' }))).toBeNull();
    expect(collapsedText(message({ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image', dataUrl: 'data:image/png;base64,AA==' }] }))).toBeNull();
  });
});

describe('isInUse', () => {
  afterEach(() => document.body.replaceChildren());

  const item = (html: string): HTMLElement => {
    const element = document.createElement('li');
    element.innerHTML = html;
    document.body.append(element);
    return element;
  };

  it('is false for a message the reader is not using', () => {
    expect(isInUse(item('<p>text</p><button>Copy</button>'))).toBe(false);
  });

  it('is true while it holds the focus, an edit form or an open section', () => {
    const focused = item('<button>Copy</button>');
    focused.querySelector('button')?.focus();
    expect(isInUse(focused)).toBe(true);
    expect(isInUse(item('<form><textarea></textarea></form>'))).toBe(true);
    expect(isInUse(item('<details open><summary>Thinking</summary></details>'))).toBe(true);
  });
});
