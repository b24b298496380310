// @vitest-environment jsdom
// The renderer keeps a finished block as its place in the reply's text, never as a copy of its
// source (performance.md B8: a long session's heap grows by little more than its text).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createFrozenGroups } from './deferred-blocks';
import { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental-markdown';
import { createManualScheduler, mount } from './incremental-markdown-test-support';

afterEach(() => document.body.replaceChildren());

const farAway = { watchVisibility: () => ({ observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined }) };

describe('the renderer holds the reply once', () => {
  it('reads a block\'s source from the text when it renders or demotes it, so it keeps no copy', () => {
    const root = mount();
    const { scheduler, runIdle } = createManualScheduler();
    let text = 'First block.\n\nSecond block.\n\n';
    const groups = createFrozenGroups({
      insertGroup: (group) => root.append(group),
      render: (raws) => raws.map((raw) => [Object.assign(document.createElement('p'), { textContent: `rendered: ${raw.trim()}` })]),
      source: () => text,
      scheduler, sliceBudgetMs: Infinity, blocksPerGroup: 4, ...farAway, inUse: () => false, isFar: () => true,
    });
    groups.append([{ start: 0, end: 12 }], true);
    groups.append([{ start: 14, end: 27 }], true);
    expect(root.textContent).toBe('First block.Second block.');
    // The same places in another text of the same shape: whatever is built from now on reads it.
    text = 'FIRST BLOCK.\n\nSECOND BLOCK.\n\n';
    const group = root.querySelector('.markdown-group') as HTMLElement;
    group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    while (runIdle()) { /* renders the cheap blocks near the viewport */ }
    expect(root.textContent).toBe('rendered: FIRST BLOCK.rendered: SECOND BLOCK.');
    text = 'First Block.\n\nSecond Block.\n\n';
    group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true }));
    while (runIdle()) { /* demotes the far group */ }
    expect(root.textContent).toBe('First Block.Second Block.');
  });

  // Measured, not assumed: a copy of each block's source would be a second copy of the reply.
  it('keeps a long reply opened at once in about the memory of its text', () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const paragraph = (index: number): string => `Paragraph ${index}: ${'some words of the reply '.repeat(2_000)}\n\n`;
    // In a function of its own, so no interpreter register still holds a string it made.
    const open = (): { text: string; renderer: IncrementalMarkdown } => {
      const text = Array.from({ length: 40 }, (_, index) => paragraph(index)).join('');
      const renderer = createIncrementalMarkdown(mount(), { scheduler: createManualScheduler().scheduler, fullTailCharacters: 0, ...farAway });
      renderer.update(text, false);
      return { text, renderer };
    };
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept = open();
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - before;
    expect(kept.renderer.deferred).toBe(40);
    // The text (as the store holds it) and the page, which happy-dom keeps in the JS heap too
    // (about 1.6 times the text); a copy of every block's source made it about 2.7 times.
    expect(retained).toBeLessThan(2 * kept.text.length);
    kept.renderer.dispose();
  });
});
