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

/** Where it is in the reply's text (`start`, `end`), not a copy of its source (performance.md B8). */
export interface Block extends MarkdownBlock {
  group: Group;
  /** The block's nodes on the page: its rendered elements, or its one placeholder. */
  nodes: Element[];
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

/** Once its last cheap block is rendered, a demoted group takes its natural height again. */
export function releaseHeight(group: Group): void {
  if (!group.element.classList.contains(DEMOTED_GROUP_CLASS)) return;
  group.element.classList.remove(DEMOTED_GROUP_CLASS);
  group.element.removeAttribute('style');
}

/**
 * Puts every rendered block of `group` back in cheap form, holding the group at the height it has
 * now, so nothing on screen moves. `onCheap` learns each new placeholder.
 */
export function demoteGroup(group: Group, placeholderTextOf: (block: Block) => string, onCheap: (placeholder: Element, block: Block) => void): void {
  const height = group.element.getBoundingClientRect().height;
  group.element.classList.add(DEMOTED_GROUP_CLASS);
  group.element.style.height = `${height}px`;
  for (const block of group.blocks) {
    if (block.cheap) continue;
    const placeholder = placeholderFor(placeholderTextOf(block));
    (block.nodes[0] as Element).before(placeholder);
    for (const node of block.nodes) node.remove();
    block.nodes = [placeholder];
    block.cheap = true;
    onCheap(placeholder, block);
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
