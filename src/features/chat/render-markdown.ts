// Markdown → HTML for model output, with nothing trusted: raw HTML is shown as text, links keep
// only http/https/mailto, and images are never loaded (a remote image is a beacon, T28). The HTML
// then goes through the sanitiser anyway, so a renderer bug cannot become an XSS on its own.
import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { mathExtension } from './render-math';
import { SAFE_LINK_PATTERN, sanitizeHtml, sanitizeHtmlPiecesToFragments, sanitizeHtmlToFragment } from './sanitize-html';

export type CodeBlockContent = { kind: 'code'; language: string; code: string };
export type RenderedBlock = { kind: 'html'; html: string } | CodeBlockContent;
/** The same blocks as nodes ready to insert: sanitised once, never serialised and parsed again. */
export type RenderedNodeBlock = { kind: 'html'; fragment: DocumentFragment } | CodeBlockContent;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const markdown = new Marked({ gfm: true, breaks: false });
// Math first, so `$…$` is typeset before emphasis or escapes can take its characters.
markdown.use(mathExtension);
markdown.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      const shown = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${shown}</p>\n` : shown;
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_LINK_PATTERN.test(token.href.trim())) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href.trim())}"${title} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image(token: Tokens.Image) {
      const description = token.text ? `: ${escapeHtml(token.text)}` : '';
      return `<span class="markdown-image-removed">[image removed${description}]</span>`;
    },
  },
});

/** Groups block tokens: runs of prose become one HTML block; code blocks come out separately (copy button). */
function groupBlockTokens<Html>(tokens: Token[], renderHtml: (html: string) => Html): Array<Html | CodeBlockContent> {
  const blocks: Array<Html | CodeBlockContent> = [];
  let pending: Token[] = [];
  const flushPending = () => {
    if (pending.length === 0) return;
    blocks.push(renderHtml(markdown.parser(pending)));
    pending = [];
  };
  for (const token of tokens) {
    if (token.type === 'code') {
      flushPending();
      const code = token as Tokens.Code;
      blocks.push({ kind: 'code', language: (code.lang ?? '').split(/\s/)[0] ?? '', code: code.text });
    } else if (token.type !== 'space') {
      pending.push(token);
    }
  }
  flushPending();
  return blocks;
}

export function renderBlockTokens(tokens: Token[]): RenderedBlock[] {
  return groupBlockTokens(tokens, (html) => ({ kind: 'html', html: sanitizeHtml(html) }));
}

export function renderBlockTokensToNodes(tokens: Token[]): RenderedNodeBlock[] {
  return groupBlockTokens(tokens, (html) => ({ kind: 'html', fragment: sanitizeHtmlToFragment(html) }));
}

/** Lexes with this renderer's extensions (math); the streaming block splitter uses it too. */
export function lexMarkdown(source: string): Token[] {
  return markdown.lexer(source);
}

/**
 * Block tokens only, without their inline contents: where the blocks start and end, at a third to
 * a half of the cost of a full lex. The streaming splitter needs no more for the blocks it
 * freezes, since a finished block is lexed again, alone, when it is rendered.
 */
export function lexMarkdownBlocks(source: string): Token[] {
  // Line endings normalised as `lex` does.
  return new Lexer(markdown.defaults).blockTokens(source.replace(/\r\n|\r/g, '\n'), []);
}

/** A finished block's raw Markdown, rendered once. */
export function renderMarkdownBlock(raw: string): RenderedBlock[] {
  return renderBlockTokens(lexMarkdown(raw));
}

export function renderMarkdownBlockToNodes(raw: string): RenderedNodeBlock[] {
  return renderBlockTokensToNodes(lexMarkdown(raw));
}

/**
 * Finished blocks' raw Markdown, rendered together: the same nodes as one call per block, with one
 * sanitiser pass for all of them (sanitizeHtmlPiecesToFragments).
 */
export function renderMarkdownBlocksToNodes(raws: readonly string[]): RenderedNodeBlock[][] {
  const blocks = raws.map((raw) => groupBlockTokens(lexMarkdown(raw), (html): RenderedBlock => ({ kind: 'html', html })));
  const fragments = sanitizeHtmlPiecesToFragments(blocks.flat().flatMap((block) => (block.kind === 'html' ? [block.html] : [])));
  let next = 0;
  return blocks.map((list) => list.map((block): RenderedNodeBlock => {
    if (block.kind !== 'html') return block;
    next += 1;
    return { kind: 'html', fragment: fragments[next - 1] as DocumentFragment };
  }));
}

/** The whole text as one sanitised HTML string (tests and export previews). */
export function renderMarkdownToHtml(text: string): string {
  return renderMarkdownBlock(text)
    .map((block) => (block.kind === 'html' ? block.html : `<pre><code>${escapeHtml(block.code)}</code></pre>`))
    .join('');
}
