// @vitest-environment jsdom
// Once a reply has finished, its groups far from the viewport go back to their source text when
// idle (deferred-blocks.ts), at the height they had, and are rendered again as they come near.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';
import { createFrozenGroups, RENDER_BATCH_CHARACTERS } from './deferred-blocks';
import { createIncrementalMarkdown } from './incremental-markdown';
import { createManualScheduler, mount, withoutGroups } from './incremental-markdown-test-support';

afterEach(() => document.body.replaceChildren());

describe('demoting far groups', () => {
  it('demotes a finished reply\'s groups far from the viewport back to their source text when idle, at the height they had, and renders them again as they come near', () => {
    const reply = buildMarkdownReply(1500);
    const root = mount();
    const { scheduler, runIdle, pendingIdle } = createManualScheduler();
    let selected: HTMLElement | null = null;
    let farGroups: Array<HTMLElement | undefined> = [];
    const renderer = createIncrementalMarkdown(root, {
      scheduler, sliceBudgetMs: Infinity, fullTailCharacters: Infinity, blocksPerGroup: 4,
      inUse: (group) => group === selected,
      // What measuring says; the browser's events only say which groups are worth measuring.
      isFar: (group) => farGroups.includes(group),
    });
    renderer.update(`${reply}\n\nStill open`, true);
    const rendered = withoutGroups(root);
    const [first, second, third] = Array.from(root.querySelectorAll<HTMLElement>('.markdown-group'));
    const far = (group: HTMLElement | undefined) => group?.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true }));
    const near = (group: HTMLElement | undefined) => group?.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    far(first);
    far(second);
    far(third);
    const fourth = root.querySelectorAll<HTMLElement>('.markdown-group')[3];
    far(fourth);
    // The fourth said far, but measures near (the browser's first event for a new group on screen).
    farGroups = [first, second, third];
    // Not while the reply streams.
    expect(pendingIdle()).toBe(0);
    selected = third as HTMLElement;
    renderer.update(`${reply}\n\nStill open`, false);
    const finalDom = withoutGroups(root);
    expect(pendingIdle()).toBe(1);
    runIdle();
    for (const group of [first, second]) {
      expect(group?.className).toBe('markdown-group markdown-group-demoted');
      expect(group?.style.height).toMatch(/px$/);
      expect(Array.from(group?.children ?? [], (child) => child.className)).toEqual(Array(4).fill('markdown-block markdown-block-deferred'));
      expect(Array.from(group?.children ?? [], (child) => child.childNodes.length)).toEqual([1, 1, 1, 1]);
    }
    // The group holding the selection keeps its nodes, and so does the one that measured near.
    expect(third?.querySelector('.markdown-block-deferred')).toBeNull();
    expect(fourth?.querySelector('.markdown-block-deferred')).toBeNull();
    // Nothing is measured again until the browser reports a change.
    expect(pendingIdle()).toBe(0);
    expect(renderer.deferred).toBe(8);
    expect(first?.textContent).toContain('#');
    near(first);
    near(second);
    while (runIdle()) {
      // rendered again, when idle
    }
    expect(renderer.deferred).toBe(0);
    expect(first?.getAttribute('style')).toBeNull();
    expect(first?.className).toBe('markdown-group');
    expect(withoutGroups(root)).toBe(finalDom);
    expect(rendered).not.toBe('');
  });

});

describe('rendering a demoted group again', () => {
  /** 24 blocks of 100 characters each, as their places in one text. */
  const TEXT = Array.from({ length: 24 }, (_, index) => `Block ${String(index).padStart(3, '0')} `.padEnd(100, 'x')).join('');
  const blocks = Array.from({ length: 24 }, (_, index) => ({ start: index * 100, end: (index + 1) * 100 }));
  const visibilityEvent = (skipped: boolean) => Object.assign(new Event('contentvisibilityautostatechange'), { skipped });

  /** One rendered group of 24 blocks, demoted (held at its height, every block back to source text). */
  function demotedGroup() {
    const root = mount();
    const { scheduler, runTask, runIdle } = createManualScheduler();
    let report: (elements: Element[]) => void = () => undefined;
    const render = vi.fn((raws: readonly string[]) => raws.map((raw) => [Object.assign(document.createElement('p'), { textContent: raw })]));
    const frozen = createFrozenGroups({
      insertGroup: (group) => root.append(group), render, source: () => TEXT, scheduler, sliceBudgetMs: 0, blocksPerGroup: 24,
      watchVisibility: (onVisible) => {
        report = onVisible;
        return { observe: () => undefined, unobserve: () => undefined, disconnect: () => undefined };
      },
      inUse: () => false, isFar: () => true,
    });
    frozen.append(blocks, false);
    const group = root.querySelector<HTMLElement>('.markdown-group') as HTMLElement;
    group.dispatchEvent(visibilityEvent(true));
    runIdle();
    expect(group.className).toBe('markdown-group markdown-group-demoted');
    expect(frozen.deferred).toBe(24);
    render.mockClear();
    return { group, frozen, render, runTask, runIdle, report: (elements: Element[]) => report(elements) };
  }

  // Held at its rendered height, a group rendered piece by piece showed the blocks on screen above
  // their place (the source text above them is shorter), and they moved down as the rest followed:
  // 80 px at the end of a conversation, where the view cannot scroll to make up for it.
  it('renders the whole group in one pass as soon as one of its blocks is on screen, and releases its height', () => {
    const { group, frozen, render, runTask, report } = demotedGroup();
    group.dispatchEvent(visibilityEvent(false));
    report([group.lastElementChild as Element]);
    runTask();
    expect(render).toHaveBeenCalledTimes(1);
    expect(render.mock.calls[0]?.[0]).toHaveLength(24);
    expect(frozen.deferred).toBe(0);
    expect(group.className).toBe('markdown-group');
    expect(group.getAttribute('style')).toBeNull();
  });

  it('renders it whole when idle too, though it is more than one batch of Markdown', () => {
    const { group, frozen, render, runIdle } = demotedGroup();
    group.dispatchEvent(visibilityEvent(false));
    runIdle();
    expect(RENDER_BATCH_CHARACTERS).toBeLessThan(TEXT.length);
    expect(render.mock.calls.map(([raws]) => raws.length)).toEqual([24]);
    expect(frozen.deferred).toBe(0);
  });
});
