// Replies whose rendering is pinned by __fixtures__/rendered-replies.json: the output of the
// React renderer this project had before the incremental DOM renderer (issue 14), captured once.
import { XSS_PAYLOADS, buildMarkdownReply } from '../../../e2e/mock-provider/reply-content';

const EDGE_CASES = [
  '# Title first\r\n\r\nA CRLF paragraph\r\nstill the same one.\r\n',
  '1. one\n2. two\n   - nested *em*\n\n     more of two\n3. three',
  'Text then a fence:\n\n```python\nprint("hi")\n\n\nprint("after blank lines")\n```\nRight after the fence.',
  '> quote\n> > nested quote with `code`\n\n---\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n| **3** | [x](https://example.com) |',
  '<div onclick="x()">raw html block</div>\n\nInline <b>bold</b> & ampersand < less',
  'Indented code:\n\n    const a = 1;\n    const b = 2;\n\nAnd an unclosed fence:\n\n```js\nlet open = true;',
  'Setext heading\n===\n\nTrailing spaces  \nhard break, ~~strike~~, https://auto.link/x and footnote-ish[^1].',
].join('\n\n');

export const REPLY_CASES: Record<string, string> = {
  markdown: buildMarkdownReply(900),
  xss: XSS_PAYLOADS.join('\n\n'),
  edges: EDGE_CASES,
};

/** The reply cut into deltas of varying size (1–23 characters), deterministic. */
export function deltasOf(text: string): string[] {
  const deltas: string[] = [];
  for (let start = 0, step = 0; start < text.length; step += 1) {
    const size = 1 + ((step * 7) % 23);
    deltas.push(text.slice(start, start + size));
    start += size;
  }
  return deltas;
}
