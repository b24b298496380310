// @vitest-environment happy-dom
// The shape of the Markdown (blocks, code, math). What the sanitiser lets through is tested under
// jsdom in render-markdown-xss.test.ts and sanitize-html.test.ts: happy-dom's parser makes
// DOMPurify drop the first element of every pass and keep `<img onerror>`. jsdom in turn strips
// MathML attributes that Chromium keeps, so the display-math check below stays here.
import { describe, expect, it } from 'vitest';
import { renderMarkdownBlock, renderMarkdownToHtml } from './render-markdown';

function parse(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container;
}

describe('renderMarkdownBlock', () => {
  it('renders ordinary Markdown', () => {
    const [block] = renderMarkdownBlock('Some **bold** and `code` and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(block?.kind).toBe('html');
    const container = parse(block?.kind === 'html' ? block.html : '');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('code')?.textContent).toBe('code');
  });

  it('hands code blocks out separately, as text, with their language', () => {
    const blocks = renderMarkdownBlock('```ts\nconst a = "<script>";\n```');
    expect(blocks).toEqual([{ kind: 'code', language: 'ts', code: 'const a = "<script>";' }]);
  });
});

describe('math', () => {
  it('renders $…$, \\(…\\), $$…$$ and \\[…\\] as MathML with no style attribute', () => {
    for (const source of ['Energy: $E = mc^2$.', 'Energy: \\(E = mc^2\\).', '$$\n\\frac{a}{b}\n$$', '\\[\\sqrt{x}\\]']) {
      const html = renderMarkdownToHtml(source);
      expect(html, source).toContain('<math');
      expect(html, source).not.toContain('style=');
    }
    expect(renderMarkdownToHtml('$$\\frac{a}{b}$$')).toContain('<mfrac>');
  });

  it('leaves dollar amounts alone and shows broken math as its source', () => {
    expect(renderMarkdownToHtml('It costs $5 and $10.')).not.toContain('<math');
    const broken = renderMarkdownToHtml('Bad: $\\frac{a$ here');
    expect(broken).not.toContain('<math');
  });
});

describe('math inside a paragraph', () => {
  it('shows $$…$$ within text as display math', () => {
    expect(renderMarkdownToHtml('Then $$\\frac{a}{b}$$ follows.')).toContain('display="block"');
  });
});

