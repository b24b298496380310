// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import type { WatchVisibility } from './deferred-blocks';
import { createIncrementalMarkdown } from './incremental-markdown';
import { createMarkdownBlockSplitter, type MarkdownBlockSplitter } from './markdown-blocks';
import { createManualScheduler, mount, withoutGroups } from './incremental-markdown-test-support';

afterEach(() => document.body.replaceChildren());

describe('createIncrementalMarkdown', () => {
  it('touches only the open block per update: finished blocks keep their nodes', () => {
    const root = mount();
    const renderer = createIncrementalMarkdown(root, { sliceBudgetMs: Infinity });
    renderer.update('First paragraph.\n\nSecond', true);
    const first = root.querySelector('.markdown-block-finished');
    expect(first?.textContent).toContain('First paragraph.');
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Second');
    renderer.update('First paragraph.\n\nSecond paragraph grows', true);
    expect(root.querySelector('.markdown-block-finished')).toBe(first);
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Second paragraph grows');
    renderer.update('First paragraph.\n\nSecond paragraph grows.', false);
    expect(root.querySelector('.markdown-block-finished')).toBe(first);
    expect(root.querySelectorAll('.markdown-block-finished')).toHaveLength(2);
    expect(root.querySelector('.markdown-open')?.childNodes).toHaveLength(0);
  });

  it('finishes the open block in place when the stream ends on the text already shown', () => {
    const root = mount();
    const renderer = createIncrementalMarkdown(root, { sliceBudgetMs: Infinity });
    renderer.update('Done.\n\nThe last paragraph.', true);
    const last = root.querySelector('.markdown-open > .markdown-block');
    renderer.update('Done.\n\nThe last paragraph.', false);
    expect(root.querySelector('.markdown-open > .markdown-block')).toBe(last);
    expect(last?.className).toBe('markdown-block markdown-block-finished');
  });

  it('freezes finished blocks in groups of a fixed size, each one content-visibility box', () => {
    const root = mount();
    const text = Array.from({ length: 10 }, (_, index) => `Paragraph ${index}.`).join('\n\n');
    createIncrementalMarkdown(root, { sliceBudgetMs: Infinity, blocksPerGroup: 4 }).update(text, false);
    const groups = root.querySelectorAll(':scope > .markdown-group');
    expect(Array.from(groups, (group) => group.children.length)).toEqual([4, 4, 2]);
    expect(root.lastElementChild?.className).toBe('markdown-open');
  });

  it('mounts many finished blocks in time slices, with the open block held back until they are in', () => {
    const root = mount();
    const { scheduler, runTask, pending } = createManualScheduler();
    // The manual clock moves 1 ms per reading: a slice of 2 ms mounts two batches of blocks.
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 2, fullTailCharacters: Infinity });
    const reply = buildMarkdownReply(2000);
    renderer.update(`${reply}\n\nStill open`, true);
    expect(renderer.backlog).toBeGreaterThan(0);
    expect(pending()).toBe(1);
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('');
    // A new delta while mounting queues up behind the blocks already waiting.
    renderer.update(`${reply}\n\nStill open, longer`, true);
    expect(pending()).toBe(1);
    let slices = 1;
    while (runTask()) slices += 1;
    expect(slices).toBeGreaterThan(3);
    expect(renderer.backlog).toBe(0);
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Still open, longer');
    expect(root.textContent).toContain('A block quote closes the section.');
  });

  it('mounts finished blocks of up to a screenful in the update itself, with the open block, however slow the slice', () => {
    const root = mount();
    const { scheduler, pending } = createManualScheduler();
    // 1 ms slices on a clock that moves 1 ms per reading: slicing would take a task per batch.
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 1, fullTailCharacters: 2500, renderBatchCharacters: 100 });
    const text = Array.from({ length: 20 }, (_, index) => `Paragraph ${index} of the reply, long enough to matter.`).join('\n\n');
    renderer.update(`${text}\n\nStill open`, true);
    expect(pending()).toBe(0);
    expect(renderer.backlog).toBe(0);
    expect(root.querySelectorAll('.markdown-block-finished')).toHaveLength(20);
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Still open');
  });

  it('starts over for a text that does not extend the last one (a regenerated reply)', () => {
    const root = mount();
    const renderer = createIncrementalMarkdown(root, { sliceBudgetMs: Infinity });
    renderer.update('Old reply.\n\nMore', true);
    renderer.update('New', true);
    expect(root.textContent?.trim()).toBe('New');
    renderer.update('New reply.', false);
    renderer.update('Another reply.', false);
    expect(root.textContent?.trim()).toBe('Another reply.');
  });

  it('renders the same reply from a splitter that split the text ahead of the updates (split-ahead.ts)', () => {
    const reply = buildMarkdownReply(3000);
    const render = (splitter?: MarkdownBlockSplitter): string => {
      const root = mount();
      const renderer = createIncrementalMarkdown(root, { sliceBudgetMs: Infinity, fullTailCharacters: Infinity, ...(splitter ? { splitter } : {}) });
      // Updates every 6,000 characters; the text arrives (and is split ahead) 1,500 at a time.
      for (let end = 1500; end < reply.length; end += 1500) {
        splitter?.advance(reply.slice(0, end));
        if (end % 6000 === 0) renderer.update(reply.slice(0, end), true);
      }
      splitter?.advance(reply);
      renderer.update(reply, false);
      const html = withoutGroups(root);
      root.remove();
      return html;
    };
    expect(render(createMarkdownBlockSplitter())).toBe(render());
  });

  it('stops mounting after dispose', () => {
    const root = mount();
    const { scheduler, runTask } = createManualScheduler();
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 2, fullTailCharacters: Infinity });
    renderer.update(buildMarkdownReply(1000), false);
    const mounted = root.querySelectorAll('.markdown-group > *').length;
    renderer.dispose();
    runTask();
    expect(root.querySelectorAll('.markdown-group > *').length).toBe(mounted);
  });

  it('renders only the newest screenful of a backlog at once; older blocks wait as text, rendered only when their group comes near the viewport', () => {
    const reply = buildMarkdownReply(2000);
    const expected = mount();
    createIncrementalMarkdown(expected, { sliceBudgetMs: Infinity, fullTailCharacters: Infinity }).update(`${reply}\n\nStill open`, false);
    const root = mount();
    const { scheduler, runTask, runIdle, pending, pendingIdle } = createManualScheduler();
    // One block per batch, so the slices show the order blocks are rendered in.
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: Infinity, fullTailCharacters: 600, renderBatchCharacters: 1, inUse: () => false });
    renderer.update(`${reply}\n\nStill open`, true);
    // The open block is on the page in the same update, not held back behind the backlog.
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Still open');
    expect(renderer.backlog).toBe(0);
    const placeholders = Array.from(root.querySelectorAll('.markdown-block-deferred'));
    expect(renderer.deferred).toBe(placeholders.length);
    expect(placeholders.length).toBeGreaterThan(20);
    // Their words are on the page already (find-in-page, screen readers), as Markdown source.
    expect(root.textContent).toContain('A block quote closes the section.');
    expect(root.querySelector('.markdown-group')?.querySelector('.markdown-block-finished')).toBeNull();
    renderer.update(`${reply}\n\nStill open`, false);
    // Nobody looks at them: neither the next task nor idle time renders them.
    while (runIdle() || runTask()) {
      // whatever was scheduled
    }
    expect(renderer.deferred).toBe(placeholders.length);
    // The reader scrolls up: each group is rendered as it comes near, newest block first.
    const groups = Array.from(root.querySelectorAll<HTMLElement>('.markdown-group')).filter((group) => group.querySelector('.markdown-block-deferred'));
    const first = groups[0] as HTMLElement;
    const [oldest, second] = Array.from(first.querySelectorAll('.markdown-block-deferred'));
    first.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    // Near, not on screen: when idle, in short slices.
    expect(pending()).toBe(0);
    expect(pendingIdle()).toBe(1);
    runIdle();
    expect(second?.isConnected).toBe(true);
    expect(first.querySelector('.markdown-block-deferred:last-child')).toBeNull();
    while (runIdle()) {
      // the rest of the group
    }
    expect(oldest?.isConnected).toBe(false);
    expect(second?.isConnected).toBe(false);
    expect(first.querySelector('.markdown-block-deferred')).toBeNull();
    expect(root.querySelectorAll('.markdown-block-deferred').length).toBe(placeholders.length - first.children.length);
    for (const group of groups) group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    while (runIdle()) {
      // one slice after another, until none are left
    }
    expect(renderer.deferred).toBe(0);
    expect(withoutGroups(root)).toBe(withoutGroups(expected));
  });

  it('renders the newest blocks of a backlog newest first in the update itself, until they fill the screen; the rest of their groups follows when idle', () => {
    const root = mount();
    const { scheduler, runIdle, pending } = createManualScheduler();
    const checkedAt: number[] = [];
    // The screen counts as covered at the first check (after 800 characters are rendered).
    const screenCovered = (top: Element): boolean => {
      checkedAt.push(blocks().indexOf(top));
      return true;
    };
    const blocks = (): Element[] => Array.from(root.querySelectorAll('.markdown-group > *'));
    const isCheap = (block: Element | undefined): boolean => block?.classList.contains('markdown-block-deferred') ?? false;
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: Infinity, fullTailCharacters: 2000, screenCovered });
    renderer.update(`${buildMarkdownReply(3000)}\n\nStill open`, true);
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Still open');
    expect(checkedAt).toHaveLength(1);
    const top = checkedAt[0] as number;
    const renderedNow = blocks().slice(top);
    expect(renderedNow.some(isCheap)).toBe(false);
    expect(renderedNow.map((block) => block.textContent).join('').length).toBeLessThan(1600);
    expect(isCheap(blocks()[top - 1])).toBe(true);
    // The rest of their groups when idle (not in the next task); blocks before them stay cheap.
    expect(pending()).toBe(0);
    while (runIdle()) {
      // idle slices
    }
    const firstRendered = blocks().findIndex((block) => !isCheap(block));
    expect(firstRendered).toBeLessThan(top);
    expect(blocks().slice(firstRendered).some(isCheap)).toBe(false);
    expect(isCheap(blocks()[firstRendered - 1])).toBe(true);
    // The newest groups are laid out even off screen (their real height) until the reply has ended
    // and the page is idle; then they are content-visibility boxes like the others.
    const fresh = (): number => root.querySelectorAll('.markdown-group-fresh').length;
    expect(fresh()).toBeGreaterThan(0);
    expect(root.querySelectorAll('.markdown-group-fresh .markdown-block-deferred').length).toBe(0);
    renderer.update(`${buildMarkdownReply(3000)}\n\nStill open`, false);
    expect(fresh()).toBeGreaterThan(0);
    while (runIdle()) {
      // idle
    }
    expect(fresh()).toBe(0);
  });

  it('renders the placeholders on screen first, in the next task, even while streaming; only groups near the viewport are watched', () => {
    const root = mount();
    const { scheduler, runTask, runIdle, pending, pendingIdle } = createManualScheduler();
    const observed = new Set<Element>();
    let report: (elements: Element[]) => void = () => undefined;
    const watchVisibility: WatchVisibility = (onVisible) => {
      report = onVisible;
      return { observe: (element) => observed.add(element), unobserve: (element) => observed.delete(element), disconnect: () => observed.clear() };
    };
    const renderer = createIncrementalMarkdown(root, { scheduler, watchVisibility, sliceBudgetMs: 0, fullTailCharacters: 300, blocksPerGroup: 4 });
    renderer.update(`${buildMarkdownReply(1500)}\n\nStill open`, true);
    const [firstGroup, secondGroup] = Array.from(root.querySelectorAll<HTMLElement>('.markdown-group'));
    expect(firstGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(4);
    expect(observed.size).toBe(0);
    expect(pending()).toBe(0);
    const nearViewport = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false });
    firstGroup?.dispatchEvent(nearViewport);
    expect(Array.from(observed)).toEqual(Array.from(firstGroup?.children ?? []));
    const [, onScreen] = Array.from(firstGroup?.children ?? []);
    report([onScreen as Element]);
    // One block per slice (budget 0): the one on screen goes first, though it is not the newest.
    runTask();
    expect(onScreen?.isConnected).toBe(false);
    expect(firstGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(3);
    expect(secondGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(4);
    // The rest of the near group waits for idle time.
    expect(pending()).toBe(0);
    expect(pendingIdle()).toBe(1);
    const offScreen = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true });
    firstGroup?.dispatchEvent(offScreen);
    expect(observed.size).toBe(0);
    // Gone far again: the rest of the group waits.
    while (runTask() || runIdle()) {
      // nothing left for it
    }
    expect(firstGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(3);
    expect(renderer.deferred).toBe(root.querySelectorAll('.markdown-block-deferred').length);
  });

  it('forgets its placeholders when the reply is replaced', () => {
    const root = mount();
    const { scheduler, runIdle } = createManualScheduler();
    const renderer = createIncrementalMarkdown(root, { scheduler, fullTailCharacters: 300 });
    renderer.update(buildMarkdownReply(1000), false);
    expect(renderer.deferred).toBeGreaterThan(0);
    renderer.update('A new reply.', false);
    expect(renderer.deferred).toBe(0);
    runIdle();
    expect(root.textContent?.trim()).toBe('A new reply.');
  });
});
