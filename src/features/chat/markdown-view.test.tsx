// @vitest-environment happy-dom
// The incremental DOM renderer must show exactly what the React renderer before it showed, for
// the same reply streamed in the same deltas: __fixtures__/rendered-replies.json holds that
// renderer's output (mid-stream snapshots, the final render, and the same reply opened from
// storage), captured once before it was replaced. The renderer's own wrappers (frozen groups and
// the open box) are presentation only and are unwrapped before comparing.
// The React renderer put DOMPurify's HTML string into the page with innerHTML; the new one inserts
// DOMPurify's nodes. Serialised, both must be the same string. happy-dom's innerHTML parser loses
// some elements (a leading table or heading) that Chromium keeps, and the capture went through it,
// so the comparison re-parses the new output through the same innerHTML before comparing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { highlightCode } from './highlight-code';
import { createIncrementalMarkdown, type SliceScheduler } from './incremental-markdown';
import { REPLY_CASES, deltasOf } from './rendered-reply-cases';

interface Captured {
  midStream: string[];
  final: string;
  loaded: string;
}
const FIXTURE = JSON.parse(readFileSync(resolve(process.cwd(), 'src/features/chat/__fixtures__/rendered-replies.json'), 'utf8')) as Record<string, Captured>;

/**
 * Never yields: every finished block mounts in the update that finished it, as before. Blocks in
 * cheap form (a long reply opened at once) are rendered in the next task once their group is near
 * the viewport, all of them; idle work (demoting far groups) runs in the next task too.
 */
const unsliced: SliceScheduler = {
  later: (task) => {
    const handle = setTimeout(task, 0);
    return () => clearTimeout(handle);
  },
  idle: (task) => {
    const handle = setTimeout(() => task(() => Infinity), 0);
    return () => clearTimeout(handle);
  },
  now: () => 0,
};

function unwrapped(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const wrapper of Array.from(copy.querySelectorAll('.markdown-group, .markdown-open'))) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  const reparsed = document.createElement('div');
  for (const block of Array.from(copy.children)) {
    const clone = block.cloneNode(false) as HTMLElement;
    clone.innerHTML = block.innerHTML;
    reparsed.append(clone);
  }
  return reparsed.innerHTML;
}

/** Mid-stream, whether a finished block's highlighting has landed yet is a matter of timing. */
function withoutHighlighting(html: string): string {
  const container = document.createElement('div');
  container.innerHTML = html;
  for (const code of Array.from(container.querySelectorAll('code.hljs'))) {
    const plain = document.createElement('code');
    plain.textContent = code.textContent;
    code.replaceWith(plain);
  }
  return container.innerHTML;
}

/** What the browser reports as a group's `content-visibility: auto` box nears or leaves the viewport. */
function reportGroups(root: HTMLElement, state: { skipped: boolean }): void {
  for (const group of Array.from(root.querySelectorAll('.markdown-group'))) group.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), state));
}

const nextTask = (): Promise<void> => new Promise((resolveLater) => setTimeout(resolveLater, 0));
const settle = (): Promise<void> => new Promise((resolveLater) => setTimeout(resolveLater, 300));

afterEach(() => document.body.replaceChildren());

describe('the incremental renderer renders what the React renderer did', () => {
  beforeAll(async () => {
    // The highlighter loads lazily; loaded once up front, its result lands within the next task.
    await highlightCode('const a = 1;', 'ts');
  });

  it.each(Object.keys(REPLY_CASES))('%s: streamed, finished and opened from storage', async (name) => {
    const text = REPLY_CASES[name] as string;
    const captured = FIXTURE[name] as Captured;
    const root = document.body.appendChild(document.createElement('div'));
    const renderer = createIncrementalMarkdown(root, { scheduler: unsliced, sliceBudgetMs: Infinity, isFar: () => true });
    const midStream: string[] = [];
    let sofar = '';
    const deltas = deltasOf(text);
    for (let index = 0; index < deltas.length; index += 1) {
      sofar += deltas[index];
      renderer.update(sofar, true);
      // As React's act() did for the capture: let a finished code block's highlighting land.
      await nextTask();
      if (index % 25 === 3) midStream.push(unwrapped(root));
    }
    expect(midStream.map(withoutHighlighting)).toEqual(captured.midStream.map(withoutHighlighting));
    renderer.update(sofar, false);
    await settle();
    expect(unwrapped(root)).toBe(captured.final);

    const loadedRoot = document.body.appendChild(document.createElement('div'));
    const loaded = createIncrementalMarkdown(loadedRoot, { scheduler: unsliced, sliceBudgetMs: Infinity, fullTailCharacters: 100, isFar: () => true });
    loaded.update(text, false);
    // Opened at once, all but the last blocks wait in cheap form first; rendered as they come near
    // the viewport, they must match.
    expect(loaded.deferred).toBeGreaterThan(0);
    await settle();
    expect(loaded.deferred).toBeGreaterThan(0);
    reportGroups(loadedRoot, { skipped: false });
    await settle();
    expect(loaded.deferred).toBe(0);
    expect(unwrapped(loadedRoot)).toBe(captured.loaded);
    // Far from the viewport they go back to their source text; near again, they must match again.
    reportGroups(loadedRoot, { skipped: true });
    reportGroups(root, { skipped: true });
    await settle();
    expect(loaded.deferred).toBeGreaterThan(0);
    expect(root.querySelector('.markdown-block-deferred')).not.toBeNull();
    reportGroups(loadedRoot, { skipped: false });
    reportGroups(root, { skipped: false });
    await settle();
    expect(loaded.deferred).toBe(0);
    expect(unwrapped(loadedRoot)).toBe(captured.loaded);
    expect(unwrapped(root)).toBe(captured.final);
  });
});
