// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import type { WatchVisibility } from './deferred-blocks';
import { createIncrementalMarkdown, type SliceScheduler } from './incremental-markdown';

/** A clock that advances 1 ms per reading and tasks that run only when the test says so. */
function createManualScheduler() {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const idleTasks: Array<() => void> = [];
  const queue = <T>(list: T[], task: T): (() => void) => {
    list.push(task);
    return () => void list.splice(list.indexOf(task), 1);
  };
  const scheduler: SliceScheduler = {
    later: (task) => queue(tasks, task),
    // An idle period of 3 ms by the clock.
    idle: (task) => queue(idleTasks, () => {
      const end = clock + 3;
      task(() => end - clock);
    }),
    now: () => (clock += 1),
  };
  const run = (list: Array<() => void>): boolean => {
    const task = list.shift();
    task?.();
    return task !== undefined;
  };
  return { scheduler, runTask: () => run(tasks), runIdle: () => run(idleTasks), pending: () => tasks.length, pendingIdle: () => idleTasks.length };
}

/** The reply without the renderer's wrappers (presentation only: where a group ends may differ). */
function withoutGroups(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const group of Array.from(copy.querySelectorAll('.markdown-group, .markdown-open'))) group.replaceWith(...Array.from(group.childNodes));
  return copy.innerHTML;
}

const mount = (): HTMLElement => document.body.appendChild(document.createElement('div'));
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
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 5, fullTailCharacters: Infinity });
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

  it('renders only the newest screenful of a backlog at once; older blocks wait as text, then upgrade newest first to the same DOM', () => {
    const reply = buildMarkdownReply(2000);
    const expected = mount();
    createIncrementalMarkdown(expected, { sliceBudgetMs: Infinity, fullTailCharacters: Infinity }).update(`${reply}\n\nStill open`, false);
    const root = mount();
    const { scheduler, runTask, runIdle, pendingIdle } = createManualScheduler();
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: Infinity, fullTailCharacters: 600 });
    renderer.update(`${reply}\n\nStill open`, true);
    // While the reply streams, nothing waits for idle time: the stream's updates come first.
    expect(pendingIdle()).toBe(0);
    // The open block is on the page in the same update, not held back behind the backlog.
    expect(root.querySelector('.markdown-open')?.textContent?.trim()).toBe('Still open');
    expect(renderer.backlog).toBe(0);
    const placeholders = Array.from(root.querySelectorAll('.markdown-block-deferred'));
    expect(renderer.deferred).toBe(placeholders.length);
    expect(placeholders.length).toBeGreaterThan(20);
    // Their words are on the page already (find-in-page, screen readers), as Markdown source.
    expect(root.textContent).toContain('A block quote closes the section.');
    expect(root.querySelector('.markdown-group')?.querySelector('.markdown-block-finished')).toBeNull();
    const newest = placeholders.at(-1) as Element;
    const oldest = placeholders[0] as Element;
    renderer.update(`${reply}\n\nStill open`, false);
    expect(pendingIdle()).toBe(1);
    runIdle();
    expect(newest.isConnected).toBe(false);
    expect(oldest.isConnected).toBe(true);
    while (runIdle() || runTask()) {
      // one idle slice after another, until none are left
    }
    expect(renderer.deferred).toBe(0);
    expect(withoutGroups(root)).toBe(withoutGroups(expected));
  });

  it('upgrades the placeholders on screen in the next task, even while streaming; only groups near the viewport are watched', () => {
    const root = mount();
    const { scheduler, runTask, pending, pendingIdle } = createManualScheduler();
    const observed = new Set<Element>();
    let report: (elements: Element[]) => void = () => undefined;
    const watchVisibility: WatchVisibility = (onVisible) => {
      report = onVisible;
      return { observe: (element) => observed.add(element), unobserve: (element) => observed.delete(element), disconnect: () => observed.clear() };
    };
    const renderer = createIncrementalMarkdown(root, { scheduler, watchVisibility, sliceBudgetMs: Infinity, fullTailCharacters: 300, blocksPerGroup: 4 });
    renderer.update(`${buildMarkdownReply(1500)}\n\nStill open`, true);
    const [firstGroup, secondGroup] = Array.from(root.querySelectorAll<HTMLElement>('.markdown-group'));
    expect(firstGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(4);
    expect(observed.size).toBe(0);
    const nearViewport = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false });
    firstGroup?.dispatchEvent(nearViewport);
    expect(Array.from(observed)).toEqual(Array.from(firstGroup?.children ?? []));
    expect(pending()).toBe(0);
    const [, onScreen] = Array.from(firstGroup?.children ?? []);
    report([onScreen as Element]);
    expect(pending()).toBe(1);
    runTask();
    expect(onScreen?.isConnected).toBe(false);
    expect(firstGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(3);
    expect(secondGroup?.querySelectorAll('.markdown-block-deferred').length).toBe(4);
    expect(pendingIdle()).toBe(0);
    const offScreen = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true });
    firstGroup?.dispatchEvent(offScreen);
    expect(observed.size).toBe(0);
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
