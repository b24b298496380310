// The last gate before model output reaches the DOM (security.md R27, T27, T28). It runs AFTER the
// Markdown transform, on the HTML that will actually be inserted: sanitising the Markdown source
// first and transforming afterwards is exactly the mistake of CVE-2026-44568.
import DOMPurify from 'dompurify';

/** KaTeX's MathML output (render-math.ts): presentation elements only, never `style`. */
const MATHML_TAGS = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac',
  'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose',
];
const MATHML_ATTR = [
  'display', 'encoding', 'mathvariant', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'width', 'height', 'depth',
  'accent', 'accentunder', 'columnalign', 'rowspacing', 'columnspacing', 'linethickness', 'scriptlevel', 'displaystyle',
  'minsize', 'maxsize', 'movablelimits', 'notation', 'symmetric', 'largeop', 'voffset',
];
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sup', 'sub', 'div',
  ...MATHML_TAGS,
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'start', 'align', 'target', 'rel', ...MATHML_ATTR];
/** Only these schemes survive; `javascript:`, `data:`, `vbscript:` and relative tricks do not. */
export const SAFE_LINK_PATTERN = /^(?:https?:|mailto:)/i;

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    // A wide table scrolls sideways on a phone: keyboard users must be able to focus it to scroll.
    if (node.tagName === 'TABLE') node.setAttribute('tabindex', '0');
    if (node.tagName !== 'A') return;
    // Every link opens away from the app and can neither reach back (opener) nor leak the URL.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

const MARKDOWN_POLICY = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_LINK_PATTERN,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};
const HIGHLIGHT_POLICY = { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] };

export function sanitizeHtml(html: string): string {
  installHooks();
  return DOMPurify.sanitize(html, MARKDOWN_POLICY);
}

/**
 * The same sanitiser, handing back the nodes it built instead of a string: the caller inserts
 * them as they are, so the HTML is parsed once and never serialised and parsed again.
 */
export function sanitizeHtmlToFragment(html: string): DocumentFragment {
  installHooks();
  return DOMPurify.sanitize(html, { ...MARKDOWN_POLICY, RETURN_DOM_FRAGMENT: true });
}

/** Highlighted code is only ever spans with highlight.js classes. */
export function sanitizeHighlightedCodeToFragment(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, { ...HIGHLIGHT_POLICY, RETURN_DOM_FRAGMENT: true });
}
