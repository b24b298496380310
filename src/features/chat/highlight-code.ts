// highlight.js is loaded on first use, never with the first screen (performance.md B1).
import { sanitizeHighlightedCodeToFragment } from './sanitize-html';

type Highlighter = (code: string, language: string) => string | null;

let highlighterPromise: Promise<Highlighter> | null = null;

function loadHighlighter(): Promise<Highlighter> {
  highlighterPromise ??= import('./highlight-languages').then((module) => module.createHighlighter());
  return highlighterPromise;
}

/** Sanitised highlighted nodes, or null for an unknown language (the code then shows as plain text). */
export async function highlightCode(code: string, language: string): Promise<DocumentFragment | null> {
  if (!language) return null;
  const highlight = await loadHighlighter();
  const html = highlight(code, language);
  return html === null ? null : sanitizeHighlightedCodeToFragment(html);
}
