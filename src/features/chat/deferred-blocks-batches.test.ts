// @vitest-environment jsdom
// Finished blocks are rendered in batches, one render call (one sanitiser pass) per batch
// (deferred-blocks.ts): a backlog's newest screenful between two coverage checks, the blocks near
// the viewport when idle, and a selection's blocks on copy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrozenGroups, IDLE_SLICE_BUDGET_MS, RENDER_BATCH_CHARACTERS } from './deferred-blocks';
import { COVER_CHECK_EVERY_CHARACTERS, FIRST_COVER_CHECK_CHARACTERS } from './frozen-group';
import { createManualScheduler, mount } from './incremental-markdown-test-support';
import type { MarkdownBlock } from './markdown-blocks';

afterEach(() => document.body.replaceChildren());

/** 60 blocks of 100 characters each, as their places in one text. */
const TEXT = Array.from({ length: 60 }, (_, index) => `Block ${String(index).padStart(3, '0')} `.padEnd(100, 'x')).join('');
const blocks = (count: number, from = 0): MarkdownBlock[] => Array.from({ length: count }, (_, index) => ({ start: (from + index) * 100, end: (from + index + 1) * 100 }));

function setUp() {
  const root = mount();
  const { scheduler, runIdle } = createManualScheduler();
  const render = vi.fn((raws: readonly string[]) => raws.map((raw) => {
    const element = document.createElement('p');
    element.textContent = raw;
    return [element];
  }));
  const frozen = createFrozenGroups({
    insertGroup: (group) => root.append(group),
    render,
    source: () => TEXT,
    scheduler,
    sliceBudgetMs: Infinity,
    blocksPerGroup: 24,
    watchVisibility: () => ({ observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined }),
    inUse: () => false,
    isFar: () => false,
  });
  return { root, frozen, render, runIdle };
}


describe('rendering finished blocks in batches', () => {
  it('renders the newest screenful of a backlog in one call per coverage check, newest first', () => {
    const { root, frozen, render } = setUp();
    frozen.append(blocks(30), true);
    const checks: string[] = [];
    // Covered at the second check: 1,250 characters (13 blocks of 100), then 1,250 more.
    frozen.appendNewest(blocks(30, 30), (top) => checks.push(top.textContent?.slice(0, 9) ?? '') >= 2, 5000);
    expect(FIRST_COVER_CHECK_CHARACTERS).toBe(1250);
    expect(COVER_CHECK_EVERY_CHARACTERS).toBe(1250);
    expect(render).toHaveBeenCalledTimes(2);
    expect(render.mock.calls.map(([raws]) => raws.length)).toEqual([13, 13]);
    expect(render.mock.calls[0]?.[0][0]).toMatch(/^Block 059/);
    expect(checks).toEqual(['Block 047', 'Block 034']);
    expect(root.querySelectorAll('p')).toHaveLength(26);
    expect(frozen.deferred).toBe(34);
  });

  it('checks whether the screen is covered (a forced layout each) at most twice for a screenful of 2,500 characters', () => {
    const { frozen, render } = setUp();
    let checks = 0;
    frozen.appendNewest(blocks(60), () => (checks += 1) > 9, 2500);
    expect(checks).toBe(1);
    expect(render.mock.calls.map(([raws]) => raws.length)).toEqual([13, 12]);
  });

  it('does not check once a screenful is rendered: the rendering ends there anyway, and a check would only force a layout', () => {
    const { frozen, render } = setUp();
    let checks = 0;
    // Checks fall due at 1,300 and 2,600 characters; the screenful is 2,600.
    frozen.appendNewest(blocks(60), () => (checks += 1) > 9, 2600);
    expect(checks).toBe(1);
    expect(render.mock.calls.map(([raws]) => raws.length)).toEqual([13, 13]);
  });

  it('appends blocks rendered at once with one call', () => {
    const { root, frozen, render } = setUp();
    frozen.append(blocks(30), false);
    expect(render).toHaveBeenCalledTimes(1);
    expect(root.querySelectorAll('p')).toHaveLength(30);
  });

  it('renders the cheap blocks of a group near the viewport in batches when idle', () => {
    const { root, frozen, render, runIdle } = setUp();
    frozen.append(blocks(24), true);
    frozen.schedule();
    root.querySelector('.markdown-group')?.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    while (runIdle()) {
      // every slice
    }
    expect(frozen.deferred).toBe(0);
    const sizes = render.mock.calls.map(([raws]) => raws.reduce((sum, raw) => sum + raw.length, 0));
    expect(sizes).toEqual([RENDER_BATCH_CHARACTERS, RENDER_BATCH_CHARACTERS, 2400 - 2 * RENDER_BATCH_CHARACTERS]);
  });

  it('renders near blocks for up to IDLE_SLICE_BUDGET_MS per idle period, not one 8 ms slice (each slice that changes the page costs a frame)', () => {
    const root = mount();
    let clock = 0;
    const idleTasks: Array<() => void> = [];
    // Every render takes 5 ms; the browser offers 50 ms idle periods.
    const render = vi.fn((raws: readonly string[]) => {
      clock += 5;
      return raws.map((raw) => [Object.assign(document.createElement('p'), { textContent: raw })]);
    });
    const frozen = createFrozenGroups({
      insertGroup: (group) => root.append(group), render, source: () => TEXT, sliceBudgetMs: 8, blocksPerGroup: 60,
      scheduler: { later: () => () => undefined, idle: (task) => { idleTasks.push(() => { const end = clock + 50; task(() => end - clock); }); return () => undefined; }, now: () => clock },
      watchVisibility: () => ({ observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined }), inUse: () => false, isFar: () => false,
    });
    frozen.append(blocks(60), true);
    frozen.schedule();
    root.querySelector('.markdown-group')?.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    idleTasks.shift()?.();
    expect(IDLE_SLICE_BUDGET_MS).toBe(24);
    // 5 renders of 5 ms fit 24 ms (the fifth starts at 20 ms); 8 ms slices took 2.
    expect(render).toHaveBeenCalledTimes(5);
    expect(frozen.deferred).toBe(60 - 5 * (RENDER_BATCH_CHARACTERS / 100));
  });

  it('puts a rendered block in place of its placeholder in one change that adds its nodes, never a removal of its own', () => {
    const { root, frozen, runIdle } = setUp();
    frozen.append(blocks(3), true);
    frozen.schedule();
    root.querySelector('.markdown-group')?.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    const placeholders = [...root.querySelectorAll('.markdown-block-deferred')];
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, { subtree: true, childList: true });
    while (runIdle()) {
      // every slice
    }
    const records = observer.takeRecords();
    observer.disconnect();
    // A change is judged on screen or off by what it added, else by its parent: a group, which
    // spans screens. A removal of its own then reads as a change on screen, for a block rendered
    // above the viewport after the reply ended (bench/page/probe.ts; B2, last byte → final paint).
    expect(records.map((record) => [record.removedNodes[0], record.addedNodes.length])).toEqual(placeholders.reverse().map((placeholder) => [placeholder, 1]));
    expect(root.querySelectorAll('p')).toHaveLength(3);
  });
});
