// A frozen group of finished blocks, and the DOM moves of one block between its two forms (see
// deferred-blocks.ts): rendered nodes, or one cheap placeholder holding its Markdown source.
import type { MarkdownBlock } from './markdown-blocks';

export const DEFERRED_CLASS = 'markdown-block markdown-block-deferred';
export const GROUP_CLASS = 'markdown-group';
/**
 * The newest groups of a backlog are laid out even while off screen, until the next backlog: a
 * reader who scrolls to the end of the reply (or the page that jumps there when it ends) then finds
 * them at their real height, not at the height a never-drawn group is estimated at.
 */
export const FRESH_GROUP_CLASS = 'markdown-group-fresh';
/** A demoted group, held at the height it had when it was rendered. */
export const DEMOTED_GROUP_CLASS = 'markdown-group-demoted';

/**
 * Where it is in the reply's text (`start`, `end`), not a copy of its source, and where it is on
 * the page: one object per block and no more, as a long session keeps thousands (performance.md B8).
 */
export interface Block extends MarkdownBlock {
  group: Group;
  /** Its first node on the page: its placeholder when cheap. */
  first: Element;
  /** Its nodes on the page: `first` and the siblings after it (1 when cheap). */
  count: number;
  cheap: boolean;
}

export interface Group {
  element: HTMLElement;
  blocks: Block[];
  /** Whether its blocks were appended cheap: a group holds blocks appended in one form only. */
  appendedCheap: boolean;
  near: boolean;
  /** The browser said it left the viewport's surroundings: worth measuring for demotion when idle. */
  mayBeFar: boolean;
  /** Laid out even off screen (FRESH_GROUP_CLASS) until it has been drawn once. */
  fresh: boolean;
  /** The listener for its content-visibility state, removed on clear. */
  listener: (event: Event) => void;
}

export function placeholderFor(raw: string): HTMLElement {
  const placeholder = document.createElement('div');
  placeholder.className = DEFERRED_CLASS;
  placeholder.textContent = raw;
  return placeholder;
}

/** Every block, from the end of the reply up. */
export function* newestFirst(groups: Group[]): Generator<Block> {
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const blocks = (groups[index] as Group).blocks;
    for (let at = blocks.length - 1; at >= 0; at -= 1) yield blocks[at] as Block;
  }
}

export const hasRendered = (group: Group): boolean => group.blocks.some((block) => !block.cheap);

/** The block's nodes on the page, in order. */
export function nodesOf(block: Block): Element[] {
  const nodes: Element[] = [];
  for (let node: Element | null = block.first; node !== null && nodes.length < block.count; node = node.nextElementSibling) nodes.push(node);
  return nodes;
}

/**
 * Puts `nodes` on the page in place of the block's present ones. The first goes with `replaceWith`:
 * one change that adds the new nodes where the old one was, rather than an insertion and then a
 * removal from the group. A removal says only which group changed, and a group spans screens: a
 * block rendered above the viewport after the reply ended then reads as a change on screen
 * (bench/page/probe.ts judges a change by what it added, else by its parent).
 */
export function replaceNodes(block: Block, nodes: Element[], cheap: boolean): void {
  const old = nodesOf(block);
  (old[0] as Element).replaceWith(...nodes);
  for (const node of old.slice(1)) node.remove();
  block.first = nodes[0] as Element;
  block.count = nodes.length;
  block.cheap = cheap;
}

/** Whether the group is held at the height it had when demoted (until its last cheap block is rendered). */
export const isHeld = (group: Group): boolean => group.element.classList.contains(DEMOTED_GROUP_CLASS);

/** Once its last cheap block is rendered, a demoted group takes its natural height again. */
export function releaseHeight(group: Group): void {
  if (!isHeld(group)) return;
  group.element.classList.remove(DEMOTED_GROUP_CLASS);
  group.element.removeAttribute('style');
}

/**
 * Puts every rendered block of `group` back in cheap form, holding the group at the height it has
 * now, so nothing on screen moves.
 */
export function demoteGroup(group: Group, placeholderTextOf: (block: Block) => string): void {
  const height = group.element.getBoundingClientRect().height;
  group.element.classList.add(DEMOTED_GROUP_CLASS);
  group.element.style.height = `${height}px`;
  for (const block of group.blocks) {
    if (block.cheap) continue;
    replaceNodes(block, [placeholderFor(placeholderTextOf(block))], true);
  }
}

/** Fresh groups become `content-visibility: auto` again: skipped when far, and then demoted. */
export function unfreshGroups(groups: Group[]): void {
  for (const group of groups) {
    if (!group.fresh) continue;
    group.fresh = false;
    group.element.classList.remove(FRESH_GROUP_CLASS);
  }
}

/** What demoting far groups needs to know: where they are, what is in use, how long it may take. */
export interface DemotionContext {
  isFar(element: Element): boolean;
  inUse(element: Element): boolean;
  placeholderTextOf(block: Block): string;
  /** False once the slice's time is up. */
  hasTime(): boolean;
}

/**
 * Demotes the rendered groups that measure far from the viewport and hold neither the selection
 * nor the focus, until the time is up; returns how many blocks went back to cheap form. Measured
 * first, all at once: one layout, not one per group demoted.
 */
export function demoteFarGroups(groups: Group[], context: DemotionContext): number {
  const candidates = groups.filter((group) => group.mayBeFar && hasRendered(group));
  const far = candidates.filter((group) => context.isFar(group.element) && !context.inUse(group.element));
  for (const group of candidates) if (!far.includes(group)) group.mayBeFar = false;
  let demoted = 0;
  for (const group of far) {
    demoted += group.blocks.filter((block) => !block.cheap).length;
    demoteGroup(group, context.placeholderTextOf);
    group.mayBeFar = false;
    if (!context.hasTime()) break;
  }
  return demoted;
}

/**
 * Rendered text before the first check whether the screen is covered, and between checks. Each
 * check is a forced layout and each stretch between two checks a sanitiser pass of its own: at full
 * speed, with a screenful rendered per update, checks every 400 characters were about a quarter of
 * the update's JavaScript (npm run bench, B2). About half a screenful (1440×900) each: a phone's
 * screen is usually covered at the first, a desktop's at the second.
 */
export const FIRST_COVER_CHECK_CHARACTERS = 1250;
export const COVER_CHECK_EVERY_CHARACTERS = 1250;

/**
 * From the end of the reply up, renders the cheap blocks (with `renderBlocks`, each stretch
 * between two checks in one pass) until `screenCovered` says what is rendered fills the screen,
 * or `screenful` characters have been passed.
 */
export function renderNewestUntilCovered(groups: Group[], renderBlocks: (blocks: Block[]) => void, screenCovered: (block: Element) => boolean, screenful: number): void {
  let seen = 0;
  let nextCheck = FIRST_COVER_CHECK_CHARACTERS;
  let batch: Block[] = [];
  for (const block of newestFirst(groups)) {
    if (seen >= screenful) break;
    seen += block.end - block.start;
    if (block.cheap) batch.push(block);
    if (seen < nextCheck) continue;
    renderBlocks(batch);
    batch = [];
    // A screenful rendered ends it anyway: a check then would only force a layout (B2, last byte →
    // final paint), which the frame does once the open block is in too.
    if (seen >= screenful || screenCovered(block.first)) break;
    nextCheck = seen + COVER_CHECK_EVERY_CHARACTERS;
  }
  renderBlocks(batch);
}

/**
 * The next blocks to render, about `batchCharacters` of Markdown: those on screen (`urgent`)
 * first, then the newest cheap ones of the groups near the viewport. A demoted group is rendered
 * whole, in one batch: it is held at its rendered height, so while its blocks above were still
 * source text (shorter) the ones rendered on screen sat above their place, with a gap below, and
 * moved down as the rest followed. At the end of a conversation, where the view cannot scroll
 * further to make up for it, the newest reply's end jumped by 80 px a few frames after the reader
 * came back to it (e2e/chat-far-messages.spec.ts).
 */
export function nextRenderBatch(urgent: Iterable<Block>, groups: Group[], batchCharacters: number): Set<Block> {
  const batch = new Set<Block>();
  let characters = 0;
  const full = (block: Block): boolean => {
    const added = isHeld(block.group) ? [block, ...block.group.blocks.filter((other) => other.cheap)] : [block];
    for (const other of added) {
      if (batch.has(other)) continue;
      batch.add(other);
      characters += other.end - other.start;
    }
    return characters >= batchCharacters;
  };
  for (const block of urgent) if (!batch.has(block) && full(block)) return batch;
  for (const block of newestFirst(groups)) {
    if (block.group.near && block.cheap && !batch.has(block) && full(block)) return batch;
  }
  return batch;
}
