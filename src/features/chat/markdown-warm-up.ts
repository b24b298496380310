// The first reply rendered after a page load pays for compiling the Markdown lexer's, renderer's
// and sanitiser's code and regular expressions: in a trace of B7 (opening a long conversation
// right after unlocking) the first lexing of ten short replies took several times what it takes
// warm. Rendering a small sample once, off screen and while the page waits anyway, moves that
// cost off the first open.
import { createIncrementalMarkdown } from './incremental-markdown';

/**
 * The common block and inline forms, so their rules have run once. No code block (it would fetch
 * the highlighter) and no math (typesetting is costly and rare); those pay on first use.
 */
const SAMPLE = [
  '## A heading', 'A paragraph with *emphasis*, **strong**, `code`, ~~struck~~ and a [link](https://example.com "title").',
  '- a list\n- with items\n  - nested', '1. ordered\n2. items', '> a quote', '| a | b |\n|---|:-:|\n| 1 | 2 |', '---', 'The end.',
].join('\n\n');

let warmed = false;

export function warmUpMarkdown(): void {
  if (warmed || typeof document === 'undefined') return;
  warmed = true;
  const renderer = createIncrementalMarkdown(document.createElement('div'), { fullTailCharacters: Infinity });
  renderer.update(SAMPLE, false);
  renderer.dispose();
}
