// Markdown → HTML for model output, with nothing trusted: raw HTML is shown as text, links keep
// only http/https/mailto, and images are never loaded (a remote image is a beacon, T28). The HTML
// then goes through the sanitiser anyway, so a renderer bug cannot become an XSS on its own.
import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { SAFE_LINK_PATTERN, sanitizeHtml } from './sanitize-html';

export type RenderedBlock =
  | { kind: 'html'; html: string }
  | { kind: 'code'; language: string; code: string };

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const markdown = new Marked({ gfm: true, breaks: false });
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

/** Renders a list of block tokens; code blocks come out separately so they get a copy button. */
export function renderBlockTokens(tokens: Token[]): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  let pending: Token[] = [];
  const flushPending = () => {
    if (pending.length === 0) return;
    blocks.push({ kind: 'html', html: sanitizeHtml(markdown.parser(pending)) });
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

/** A finished block's raw Markdown, rendered once. */
export function renderMarkdownBlock(raw: string): RenderedBlock[] {
  return renderBlockTokens(new Lexer({ gfm: true }).lex(raw));
}

/** The whole text as one sanitised HTML string (tests and export previews). */
export function renderMarkdownToHtml(text: string): string {
  return renderMarkdownBlock(text)
    .map((block) => (block.kind === 'html' ? block.html : `<pre><code>${escapeHtml(block.code)}</code></pre>`))
    .join('');
}
