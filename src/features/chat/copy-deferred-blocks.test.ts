// @vitest-environment jsdom
// Copying a reply whose blocks are still cheap (their Markdown source as text, deferred-blocks.ts)
// copies the formatted reply: the blocks wholly inside the selection are rendered as it is copied.
import { afterEach, describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { createIncrementalMarkdown, type SliceScheduler } from './incremental-markdown';

/** Nothing runs unless the test says so: blocks stay cheap until something renders them. */
const stillScheduler: SliceScheduler = { later: () => () => undefined, idle: () => () => undefined, now: () => 0 };

const mount = (): HTMLElement => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

function renderCheap(root: HTMLElement) {
  const renderer = createIncrementalMarkdown(root, { scheduler: stillScheduler, sliceBudgetMs: Infinity, fullTailCharacters: 600, inUse: () => false });
  renderer.update(buildMarkdownReply(2000), false);
  return renderer;
}

function select(start: Node, startOffset: number, end: Node, endOffset: number): void {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
}

const copy = (): boolean => document.dispatchEvent(new Event('copy', { bubbles: true, cancelable: true }));

describe('copying cheap blocks', () => {
  it('renders the cheap blocks wholly inside the selection when it is copied, and leaves the ends where they were', () => {
    const root = mount();
    const renderer = renderCheap(root);
    const cheap = Array.from(root.querySelectorAll('.markdown-block-deferred'));
    expect(cheap.length).toBeGreaterThan(6);
    const [first, , , , , last] = cheap as [Element, Element, Element, Element, Element, Element];
    const inside = cheap.slice(1, 5);
    select(first.firstChild as Node, 2, last.firstChild as Node, 3);
    expect(copy()).toBe(true);
    // The selection's ends are untouched; what lay between them is formatted.
    expect(first.isConnected && last.isConnected).toBe(true);
    for (const block of inside) expect(block.isConnected).toBe(false);
    expect(renderer.deferred).toBe(cheap.length - inside.length);
    const range = document.getSelection()?.getRangeAt(0) as Range;
    expect(range.startContainer).toBe(first.firstChild);
    expect(range.endContainer).toBe(last.firstChild);
    const copied = range.cloneContents();
    expect(copied.querySelectorAll('.markdown-block-finished').length).toBeGreaterThanOrEqual(inside.length);
    expect(copied.querySelectorAll('.markdown-block-deferred')).toHaveLength(2);
  });

  it('takes in a reply that a selection from outside it spans (select all), and leaves other replies alone', () => {
    const before = document.body.appendChild(document.createElement('p'));
    before.textContent = 'Above the reply.';
    const root = mount();
    renderCheap(root);
    const other = document.createElement('div');
    const otherRenderer = renderCheap(other);
    document.body.append(other);
    const otherCheap = otherRenderer.deferred;
    select(before.firstChild as Node, 0, root, root.childNodes.length);
    copy();
    expect(root.querySelectorAll('.markdown-block-deferred')).toHaveLength(0);
    expect(otherRenderer.deferred).toBe(otherCheap);
  });

  it('stops listening once the reply is disposed', () => {
    const root = mount();
    const renderer = renderCheap(root);
    const cheap = renderer.deferred;
    renderer.dispose();
    select(root, 0, root, root.childNodes.length);
    copy();
    expect(root.querySelectorAll('.markdown-block-deferred')).toHaveLength(cheap);
  });
});
