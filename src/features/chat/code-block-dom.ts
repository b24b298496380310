// A fenced code block as plain DOM, built by the incremental Markdown renderer (React never
// reconciles it): plain text while it streams, highlighted (lazily) once finished, and a copy
// button. The code is a text node until highlight.js has produced sanitised spans.
import { highlightCode } from './highlight-code';
import type { CodeBlockContent } from './render-markdown';

const FRAME_CLASS = 'code-block my-3 overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900';
const BAR_CLASS = 'flex items-center justify-between border-b border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400';
const BUTTON_CLASS = 'rounded px-2 py-0.5 font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800';
const PRE_CLASS = 'overflow-x-auto p-3 text-[13px] leading-relaxed';
const COPIED_FOR_MS = 2000;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== undefined) created.className = className;
  return created;
}

function createCopyButton(block: CodeBlockContent): HTMLButtonElement {
  const label = `Copy ${block.language || 'code'}`;
  // Attribute order as React wrote it (type, class, aria-label): the output stays byte-identical.
  const button = element('button');
  button.type = 'button';
  button.className = BUTTON_CLASS;
  button.setAttribute('aria-label', label);
  button.textContent = 'Copy';
  let reset: number | undefined;
  const show = (copied: boolean): void => {
    button.textContent = copied ? 'Copied' : 'Copy';
    button.setAttribute('aria-label', copied ? 'Copied' : label);
  };
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(block.code).then(() => {
      show(true);
      window.clearTimeout(reset);
      reset = window.setTimeout(() => show(false), COPIED_FOR_MS);
    }, () => show(false));
  });
  return button;
}

/** Swaps the plain code for highlighted spans when they arrive, unless the block left the page. */
function highlightLater(pre: HTMLPreElement, block: CodeBlockContent): void {
  void highlightCode(block.code, block.language.toLowerCase())
    .then((fragment) => {
      if (fragment === null || !pre.isConnected) return;
      const code = element('code', 'hljs');
      code.append(fragment);
      pre.replaceChildren(code);
    })
    .catch(() => undefined);
}

/** A block rendered while open becomes the finished one in place: it gets its highlighting. */
export function finishCodeBlockElement(frame: HTMLElement, block: CodeBlockContent): void {
  const pre = frame.querySelector('pre');
  if (pre) highlightLater(pre, block);
}

export function createCodeBlockElement(block: CodeBlockContent, finished: boolean): HTMLDivElement {
  const frame = element('div', FRAME_CLASS);
  const bar = element('div', BAR_CLASS);
  const language = element('span');
  language.textContent = block.language || 'code';
  bar.append(language, createCopyButton(block));
  const pre = element('pre', PRE_CLASS);
  pre.tabIndex = 0;
  const code = element('code');
  code.textContent = block.code;
  pre.append(code);
  frame.append(bar, pre);
  if (finished) highlightLater(pre, block);
  return frame;
}
