// @vitest-environment jsdom
// The sanitiser on its own: HTML that the Markdown step would never produce (it escapes raw HTML),
// so these are what stops active content should that step ever let some through (security.md
// R27). jsdom, not happy-dom: under happy-dom DOMPurify keeps `<img onerror>` and drops the first
// element of every pass, so a test there passes or fails for the wrong reasons.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeHtmlPiecesToFragments, sanitizeHtmlToFragment } from './sanitize-html';

const ACTIVE = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
  '<script>window.__pwned=1</script>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<a href="  JaVaScRiPt:window.__pwned=1">x</a>',
  '<a href="data:text/html,<script>window.__pwned=1</script>">x</a>',
  '<p onclick="window.__pwned=1" style="position:fixed">x</p>',
  '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  '<form action="https://attacker.example"><input name="k"></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<math><maction actiontype="statusline" href="javascript:window.__pwned=1">x</maction></math>',
  '<div data-x="1" aria-hidden="true"><object data="x"></object><embed src="x"></div>',
];

function markupOf(fragment: DocumentFragment): HTMLElement {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder;
}

function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll('script, iframe, svg, img, style, object, embed, details, form, input, mglyph, maction')).toHaveLength(0);
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name).not.toMatch(/^(on|style$|data-|aria-|src$|action$)/);
      expect(attribute.value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
}

describe('the sanitiser, given active HTML directly', () => {
  it.each(ACTIVE)('leaves nothing active of %s, as a string and as nodes', (html) => {
    const asString = document.createElement('div');
    asString.innerHTML = sanitizeHtml(`<p>before</p>${html}`);
    expectInert(asString);
    expect(asString.querySelector('p')?.textContent).toBe('before');
    expectInert(markupOf(sanitizeHtmlToFragment(`<p>before</p>${html}`)));
  });

  it('leaves nothing active when the pieces are sanitised in one pass', () => {
    const fragments = sanitizeHtmlPiecesToFragments(['<h1>title</h1>', ...ACTIVE, '<p>after</p>']);
    expect(fragments).toHaveLength(ACTIVE.length + 2);
    const all = document.createElement('div');
    for (const fragment of fragments) all.append(fragment);
    expectInert(all);
    expect(all.querySelector('h1')?.textContent).toBe('title');
    expect(all.querySelector('p:last-child')?.textContent).toBe('after');
  });

  it('falls back to one pass per piece when a piece breaks out of its wrapper, and stays inert', () => {
    const escaping = '</div><img src=x onerror="window.__pwned=1"><div class="sanitiser-piece">';
    const fragments = sanitizeHtmlPiecesToFragments(['<p>one</p>', escaping, '<p>two</p>']);
    expect(fragments.map((fragment) => markupOf(fragment).innerHTML)).toEqual(['<p>one</p>', '<div class="sanitiser-piece"></div>', '<p>two</p>']);
  });

  it('keeps safe links and makes them open away from the app, with no opener or referrer', () => {
    const container = markupOf(sanitizeHtmlToFragment('<a href="https://example.com/a">a</a> <a href="mailto:me@example.com">m</a>'));
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a', 'mailto:me@example.com']);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('lets a keyboard reach a wide table so it can scroll sideways', () => {
    expect(markupOf(sanitizeHtmlToFragment('<table><tbody><tr><td>1</td></tr></tbody></table>')).querySelector('table')?.getAttribute('tabindex')).toBe('0');
  });
});
