// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { createIncrementalMarkdown, type SliceScheduler } from './incremental-markdown';

/** A clock that advances 1 ms per reading and tasks that run only when the test says so. */
function createManualScheduler() {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const scheduler: SliceScheduler = {
    later: (task) => {
      tasks.push(task);
      return () => tasks.splice(tasks.indexOf(task), 1);
    },
    now: () => (clock += 1),
  };
  const runTask = (): boolean => {
    const task = tasks.shift();
    task?.();
    return task !== undefined;
  };
  return { scheduler, runTask, pending: () => tasks.length };
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
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 5 });
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
    const renderer = createIncrementalMarkdown(root, { scheduler, sliceBudgetMs: 2 });
    renderer.update(buildMarkdownReply(1000), false);
    const mounted = root.querySelectorAll('.markdown-group > *').length;
    renderer.dispose();
    runTask();
    expect(root.querySelectorAll('.markdown-group > *').length).toBe(mounted);
  });
});
