// The finished blocks of a reply, in frozen groups, each of which is rendered only while it is near
// the viewport (performance.md B2: last byte → final paint, and B8: a flat heap).
//
// A finished block is on the page in one of two forms:
// - rendered: marked, then DOMPurify, as nodes (what a reader sees);
// - cheap: a `.markdown-block-deferred` box holding the block's Markdown source as one text node.
//
// Blocks start cheap when the network outruns the page (full speed, or a long reply opened from
// storage): rendering every one of them before the end of the reply shows would take a second or
// more. A cheap block is rendered when its group comes near the viewport, and only then:
// - the browser reports that through the group's `content-visibility: auto` state
//   (`contentvisibilityautostatechange`; it fires some way before the group scrolls into view);
// - an IntersectionObserver, watching only the cheap blocks of groups near the viewport, says
//   which ones are on screen: those go first, in the next task, even while the reply streams;
// - the rest of a near group follows in short slices when the page is idle, so it never comes
//   between a change and the frame that shows it, nor between a scroll and the browser's scroll
//   anchoring (rendered in the next task, it moved what the reader saw).
// Blocks far from the viewport are never rendered just because the page is idle: nobody sees them,
// and rendering them cost about 0.4 s of main-thread time per 10,000-token reply at full speed.
//
// The other way round, once the reply has finished, a group that is far from the viewport goes
// back to cheap form when the page is idle (demoted): its rendered nodes (thousands of elements,
// text nodes and attribute maps per reply) are dropped and only its source text stays, so a long
// session's heap grows by little more than its text (B8). The group keeps the height it had (set
// before demotion) and is rendered again whole, in one pass (nextRenderBatch), so nothing on screen
// moves when it is demoted or rendered again; one holding the selection or the focus is left alone.
//
// In cheap form a block's words are in the DOM as text: find-in-page finds them (jumping there
// brings the group near, which renders it) and a screen reader reads them (with the Markdown
// marks), so nothing of the reply is ever missing, only not yet formatted. A block is rendered by
// the same function whatever its history, so once rendered the reply's DOM is byte-identical
// (markdown-view.test.tsx).
import {
  demoteFarGroups, FRESH_GROUP_CLASS, GROUP_CLASS, hasRendered, nextRenderBatch, placeholderFor, releaseHeight, renderNewestUntilCovered, replaceNodes, unfreshGroups,
  type Block, type Group,
} from './frozen-group';
import { blockSource, type MarkdownBlock } from './markdown-blocks';
import type { SliceScheduler } from './slice-scheduler';
import { farFromViewport, inUseInDocument, watchVisibilityInViewport, type InUse, type IsFar, type ScreenCovered, type WatchVisibility } from './viewport-watchers';

export type { InUse, IsFar, ScreenCovered, VisibilityWatcher, WatchVisibility } from './viewport-watchers';

/**
 * Blocks are rendered in batches of about this much Markdown, one sanitiser pass each (a pass per
 * block cost about three times as much); small enough that a batch stays well inside a slice.
 */
export const RENDER_BATCH_CHARACTERS = 1000;

// Idle work (near blocks rendered, far groups demoted) per idle period, where the browser gives that
// much: each slice costs a frame, and in 8 ms slices a full-speed reply's took about seven (B2).
export const IDLE_SLICE_BUDGET_MS = 24;

export interface FrozenGroupsOptions {
  /** Puts a new group on the page (before the open block). */
  insertGroup(group: HTMLElement): void;
  /** Renders finished blocks' Markdown sources (together: one sanitiser pass), the nodes of each. */
  render(raws: readonly string[]): HTMLElement[][];
  /**
   * The reply's whole text as last given. A block keeps only its place in it, and its source is
   * cut from it when needed, so the renderer holds no second copy of the reply (performance.md B8).
   */
  source(): string;
  scheduler: SliceScheduler;
  sliceBudgetMs: number;
  idleSliceBudgetMs?: number; // the larger of sliceBudgetMs and IDLE_SLICE_BUDGET_MS unless given
  blocksPerGroup: number;
  /** RENDER_BATCH_CHARACTERS unless given. */
  renderBatchCharacters?: number;
  watchVisibility?: WatchVisibility;
  inUse?: InUse;
  isFar?: IsFar;
}

export interface FrozenGroups {
  /** Appends finished blocks, rendered now or (`cheap`) as their source text. */
  append(blocks: readonly MarkdownBlock[], cheap: boolean): void;
  /**
   * Appends the newest blocks of a backlog in groups of their own, at once in cheap form, and
   * renders them newest first (the end of a reply that follows its stream is at the bottom of the
   * screen): now, until `screenCovered` says what is rendered fills the screen (at most `screenful`
   * characters); the rest of their groups when idle. So the screen is final after one frame, and
   * nothing above it delays that.
   */
  appendNewest(blocks: MarkdownBlock[], screenCovered: ScreenCovered, screenful: number): void;
  /** While held (the reply streams), nothing is demoted. */
  hold(held: boolean): void;
  /** Call after appending: schedules the rendering of cheap blocks near the viewport, and demotion. */
  schedule(): void;
  /** Blocks in cheap form. */
  readonly deferred: number;
  /**
   * Renders now every cheap block wholly inside `range` (the reader's selection, as it is copied),
   * so what is copied is the formatted reply, not Markdown source. A block the selection starts or
   * ends in stays as it is: replacing it would move the selection's ends.
   */
  renderWithin(range: Range): void;
  /** Forgets every group and stops (the reply is being replaced or unmounted). */
  clear(): void;
}

export function createFrozenGroups(options: FrozenGroupsOptions): FrozenGroups {
  const { render, scheduler, sliceBudgetMs, blocksPerGroup } = options;
  const batchCharacters = options.renderBatchCharacters ?? RENDER_BATCH_CHARACTERS;
  const idleBudget = options.idleSliceBudgetMs ?? Math.max(sliceBudgetMs, IDLE_SLICE_BUDGET_MS);
  // What is rendered is cut as a string of its own: a code block's copy button keeps its code, and
  // while the reply streams the text is a different string each update. A placeholder's text is a
  // plain slice: the DOM copies it, so nothing keeps the slice.
  const sourceOf = (block: MarkdownBlock): string => blockSource(options.source(), block);
  const placeholderTextOf = (block: MarkdownBlock): string => options.source().slice(block.start, block.end);
  const inUse = options.inUse ?? inUseInDocument;
  const isFar = options.isFar ?? farFromViewport;
  const groups: Group[] = [];
  /** A group's element → the group. */
  const groupOf = new Map<Element, Group>();
  /** Blocks in cheap form. */
  let cheapCount = 0;
  /** Cheap blocks on screen: rendered first. */
  const urgent = new Set<Block>();
  let held = false;
  let cancelRender: (() => void) | null = null;
  let cancelRenderNear: (() => void) | null = null;
  let cancelDemote: (() => void) | null = null;
  const visibility = (options.watchVisibility ?? watchVisibilityInViewport)((visible) => {
    for (const element of visible) {
      const block = cheapBlockAt(element);
      if (block !== undefined) urgent.add(block);
    }
    schedule();
  });

  /** The cheap block whose placeholder `element` is, if any. */
  function cheapBlockAt(element: Element): Block | undefined {
    const group = element.parentElement === null ? undefined : groupOf.get(element.parentElement);
    return group?.blocks.find((block) => block.cheap && block.first === element);
  }

  /** Renders these blocks now (those still cheap), in one pass. */
  function renderBlocks(candidates: Iterable<Block>): void {
    const blocks: Block[] = [];
    for (const block of candidates) {
      urgent.delete(block);
      if (!block.cheap) continue;
      visibility.unobserve(block.first);
      blocks.push(block);
    }
    if (blocks.length === 0) return;
    const rendered = render(blocks.map(sourceOf));
    blocks.forEach((block, index) => {
      replaceNodes(block, rendered[index] as HTMLElement[], false);
      cheapCount -= 1;
      if (!block.group.blocks.some((other) => other.cheap)) releaseHeight(block.group);
    });
  }

  const nextBatch = (onlyOnScreen: boolean): Set<Block> => nextRenderBatch(urgent, onlyOnScreen ? [] : groups, batchCharacters);

  /** Renders for `timeLeft` ms (at least one batch): blocks on screen, then (unless `onlyOnScreen`) near ones. */
  function renderSlice(timeLeft: () => number, onlyOnScreen: boolean): void {
    for (let batch = nextBatch(onlyOnScreen); batch.size > 0; batch = nextBatch(onlyOnScreen)) {
      renderBlocks(batch);
      if (timeLeft() <= 0) break;
    }
    schedule();
  }

  function demoteSlice(timeLeft: () => number): void {
    cancelDemote = null;
    if (held) return;
    // The reply has ended and been drawn since: its newest groups' size is remembered.
    unfreshGroups(groups);
    const deadline = scheduler.now() + idleBudget;
    cheapCount += demoteFarGroups(groups, { isFar, inUse, placeholderTextOf, hasTime: () => timeLeft() > 0 && scheduler.now() < deadline });
    schedule();
  }

  function schedule(): void {
    // Observing twice is harmless; only cheap blocks of groups near the viewport are watched.
    for (const group of groups) if (group.near) for (const block of group.blocks) if (block.cheap) visibility.observe(block.first);
    // On screen: in the next task. Near but not on screen: when idle, so it never comes between a
    // change and the frame that shows it (nor between a scroll and the browser's scroll anchoring).
    if (cancelRender === null && urgent.size > 0) {
      cancelRender = scheduler.later(() => {
        cancelRender = null;
        const deadline = scheduler.now() + sliceBudgetMs;
        renderSlice(() => deadline - scheduler.now(), true);
      });
    }
    if (cancelRenderNear === null && nextBatch(false).size > 0) {
      cancelRenderNear = scheduler.idle((timeLeft) => {
        cancelRenderNear = null;
        const deadline = scheduler.now() + idleBudget;
        renderSlice(() => Math.min(timeLeft(), deadline - scheduler.now()), false);
      });
    }
    if (!held && cancelDemote === null && groups.some((group) => group.fresh || (group.mayBeFar && hasRendered(group)))) cancelDemote = scheduler.idle(demoteSlice);
  }

  function watch(group: Group): void {
    group.listener = (event: Event): void => {
      group.near = (event as Event & { skipped?: boolean }).skipped === false;
      group.mayBeFar = !group.near;
      // Blocks already due (on screen, or the newest screenful) are rendered anyway: the first
      // event of a group on screen may still say it is skipped.
      if (!group.near) for (const block of group.blocks) if (block.cheap) visibility.unobserve(block.first);
      schedule();
    };
    group.element.addEventListener('contentvisibilityautostatechange', group.listener);
  }

  function newGroup(appendedCheap: boolean, near: boolean): Group {
    const element = document.createElement('div');
    element.className = GROUP_CLASS;
    const group: Group = { element, blocks: [], appendedCheap, near, mayBeFar: false, fresh: false, listener: () => undefined };
    watch(group);
    groups.push(group);
    groupOf.set(element, group);
    options.insertGroup(element);
    return group;
  }

  function currentGroup(cheap: boolean): Group {
    const last = groups[groups.length - 1];
    // A group is near the viewport or not as a whole, so blocks appended cheap (far from the reader)
    // and blocks rendered at once (where the reader is) never share one.
    if (last !== undefined && last.blocks.length < blocksPerGroup && last.appendedCheap === cheap) return last;
    // A group rendered at once is where the reader is (the end of a reply that follows its stream);
    // one that starts cheap is rendered only once the browser has said it is near the viewport.
    return newGroup(cheap, !cheap);
  }

  function appendBlock(group: Group, { start, end }: MarkdownBlock, rendered: HTMLElement[] | null): Block {
    const nodes = rendered ?? [placeholderFor(placeholderTextOf({ start, end }))];
    // `| 0`: whole numbers are kept in the object itself. Offsets that reached here boxed (V8 hands
    // some on as heap numbers) made every block's `start` a heap number of its own (B8 snapshots).
    const block: Block = { group, start: start | 0, end: end | 0, first: nodes[0] as Element, count: nodes.length, cheap: rendered === null };
    group.blocks.push(block);
    group.element.append(...nodes);
    if (block.cheap) cheapCount += 1;
    return block;
  }

  return {
    append(blocks, cheap) {
      const rendered = cheap ? null : render(blocks.map(sourceOf));
      blocks.forEach((block, index) => appendBlock(currentGroup(cheap), block, rendered?.[index] ?? null));
    },
    hold(hold) {
      held = hold;
      if (held) {
        cancelDemote?.();
        cancelDemote = null;
      } else {
        schedule();
      }
    },
    appendNewest(blocks, screenCovered, screenful) {
      // Laid out once by now (backlogs are at least an update apart): their size is remembered.
      unfreshGroups(groups);
      let group: Group | null = null;
      for (const block of blocks) {
        // Groups of their own, where the reader is until the browser says otherwise; blocks
        // rendered at once later may join the last one.
        if (group === null || group.blocks.length >= blocksPerGroup) {
          group = newGroup(false, true);
          group.fresh = true;
          group.element.classList.add(FRESH_GROUP_CLASS);
        }
        appendBlock(group, block, null);
      }
      // From the end of the reply up: what is still cheap there (this backlog, or the rest of an
      // earlier one) is rendered now, until the screen is covered.
      renderNewestUntilCovered(groups, renderBlocks, screenCovered, screenful);
      // The rest of the newest screenful (its groups are near) follows when idle, newest first.
      schedule();
    },
    schedule,
    renderWithin(range) {
      const ends = [range.startContainer, range.endContainer];
      const inside = groups.flatMap((group) => group.blocks.filter((block) => block.cheap && range.intersectsNode(block.first) && !ends.some((end) => block.first.contains(end))));
      renderBlocks(inside);
    },
    get deferred() {
      return cheapCount;
    },
    clear() {
      cancelRender?.();
      cancelRenderNear?.();
      cancelDemote?.();
      cancelRender = null;
      cancelRenderNear = null;
      cancelDemote = null;
      visibility.disconnect();
      groupOf.clear();
      cheapCount = 0;
      urgent.clear();
      for (const group of groups) group.element.removeEventListener('contentvisibilityautostatechange', group.listener);
      groups.length = 0;
    },
  };
}
