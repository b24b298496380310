// Math in replies: $…$ and \(…\) inline, $$…$$ and \[…\] as blocks, typeset by KaTeX as MathML
// only. MathML needs no stylesheet and no inline style attribute, so the strict CSP (style-src
// 'self') holds; the result still goes through the sanitiser with the rest of the reply.
import katex from 'katex';
import type { MarkedExtension, Tokens } from 'marked';

interface MathToken extends Tokens.Generic {
  type: 'inlineMath' | 'blockMath';
  raw: string;
  text: string;
  display?: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** MathML for `tex`; a formula KaTeX cannot parse is shown as its source, not as an error box. */
export function renderMath(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, output: 'mathml', throwOnError: true, strict: 'ignore', trust: false, maxExpand: 1000, maxSize: 50 });
  } catch {
    const source = escapeHtml(displayMode ? `$$${tex}$$` : `$${tex}$`);
    return displayMode ? `<p><code class="math-source">${source}</code></p>` : `<code class="math-source">${source}</code>`;
  }
}

// A dollar amount is not math: "$5 and $10" has a space after the opening $ or a digit after the
// closing one, so neither pattern matches it.
const INLINE_DOLLAR = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
const INLINE_PAREN = /^\\\(([\s\S]+?)\\\)/;
/** $$…$$ inside a paragraph is shown as display math on its own line. */
const INLINE_DOUBLE_DOLLAR = /^\$\$((?:\\.|[^\\$])+?)\$\$/;
const BLOCK_DOLLAR = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/;
const BLOCK_BRACKET = /^\\\[([\s\S]+?)\\\][ \t]*(?:\n|$)/;

export const mathExtension: MarkedExtension = {
  extensions: [
    {
      name: 'blockMath',
      level: 'block',
      start: (source) => source.match(/\$\$|\\\[/)?.index,
      tokenizer(source): MathToken | undefined {
        const match = BLOCK_DOLLAR.exec(source) ?? BLOCK_BRACKET.exec(source);
        return match ? { type: 'blockMath', raw: match[0], text: (match[1] ?? '').trim() } : undefined;
      },
      renderer: (token) => `<div class="math-block">${renderMath((token as MathToken).text, true)}</div>\n`,
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: (source) => source.match(/\$|\\\(/)?.index,
      tokenizer(source): MathToken | undefined {
        const display = INLINE_DOUBLE_DOLLAR.exec(source);
        if (display) return { type: 'inlineMath', raw: display[0], text: (display[1] ?? '').trim(), display: true };
        const match = INLINE_PAREN.exec(source) ?? INLINE_DOLLAR.exec(source);
        return match ? { type: 'inlineMath', raw: match[0], text: (match[1] ?? '').trim() } : undefined;
      },
      renderer: (token) => renderMath((token as MathToken).text, (token as MathToken).display === true),
    },
  ],
};
