import { describe, expect, it } from 'vitest';
import { createConversationTitle, UNTITLED_CONVERSATION } from './conversation-title';

describe('createConversationTitle', () => {
  it('uses the first non-empty line without Markdown marks', () => {
    expect(createConversationTitle('\n\n## **How** do I sort a list?\nMore detail')).toBe('How do I sort a list?');
  });
  it('cuts long text at a word boundary with an ellipsis', () => {
    const title = createConversationTitle('Please explain in detail how the TCP three-way handshake works and why it exists at all');
    expect(title.length).toBeLessThanOrEqual(61);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });
  it('drops test directives and code, and falls back when nothing is left', () => {
    expect(createConversationTitle('[[mock:text tokens=5]] Hello')).toBe('Hello');
    expect(createConversationTitle('```js\nconst a = 1;\n```')).toBe(UNTITLED_CONVERSATION);
    expect(createConversationTitle('   ')).toBe(UNTITLED_CONVERSATION);
  });
});
