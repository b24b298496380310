// The last gate before model output reaches the DOM (security.md R27, T27, T28). It runs AFTER the
// Markdown transform, on the HTML that will actually be inserted: sanitising the Markdown source
// first and transforming afterwards is exactly the mistake of CVE-2026-44568.
import DOMPurify, { type Config } from 'dompurify';

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

/**
 * The app's one Trusted Types policy (security.md R24; CSP `trusted-types app-html default`), fed by
 * this sanitiser: a string becomes TrustedHTML only by going through DOMPurify with the Markdown
 * rules. DOMPurify also needs the policy to parse into its inert document; while it runs (and only
 * then) the policy hands the string through, since DOMPurify must not call itself.
 */
type HtmlPolicy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
let sanitising = 0;
const trustedTypes = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): HtmlPolicy } }).trustedTypes;
const htmlPolicy: HtmlPolicy | undefined = trustedTypes?.createPolicy('app-html', {
  createHTML: (input: string) => (sanitising > 0 ? input : runSanitiser(input, MARKDOWN_POLICY)),
  createScriptURL: (input: string) => {
    if (sanitising > 0) return input;
    throw new TypeError('The app-html policy creates no script URLs.');
  },
});

function runSanitiser(html: string, config: object): string {
  sanitising += 1;
  try {
    return DOMPurify.sanitize(html, { ...config, ...(htmlPolicy ? { TRUSTED_TYPES_POLICY: htmlPolicy } : {}) }) as unknown as string;
  } finally {
    sanitising -= 1;
  }
}

function runSanitiserToFragment(html: string, config: object): DocumentFragment {
  sanitising += 1;
  try {
    return DOMPurify.sanitize(html, { ...config, RETURN_DOM_FRAGMENT: true, ...(htmlPolicy ? { TRUSTED_TYPES_POLICY: htmlPolicy } : {}) });
  } finally {
    sanitising -= 1;
  }
}

/** Sanitised HTML for a string sink (innerHTML); TrustedHTML where the browser has Trusted Types. */
export function toTrustedHtml(html: string): string {
  installHooks();
  // TrustedHTML stringifies to its content; typed as string so it fits the DOM's innerHTML setter.
  return htmlPolicy ? (htmlPolicy.createHTML(html) as unknown as string) : runSanitiser(html, MARKDOWN_POLICY);
}

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
  return runSanitiser(html, MARKDOWN_POLICY);
}

/**
 * The same sanitiser, handing back the nodes it built instead of a string: the caller inserts
 * them as they are, so the HTML is parsed once and never serialised and parsed again.
 */
export function sanitizeHtmlToFragment(html: string): DocumentFragment {
  installHooks();
  return runSanitiserToFragment(html, MARKDOWN_POLICY);
}

/** Wraps each piece of a batch (sanitizeHtmlPiecesToFragments); taken off again, never on the page. */
const PIECE_CLASS = 'sanitiser-piece';

function isPieceWrapper(node: Node): node is Element {
  return node.nodeName === 'DIV' && (node as Element).attributes.length === 1 && (node as Element).getAttribute('class') === PIECE_CLASS;
}

/**
 * Several pieces of HTML through the same sanitiser in one pass, one fragment per piece. Each pass
 * parses into a new inert document, and for the small pieces a reply's blocks are, that (not the
 * sanitising) was most of the cost: a screenful of blocks sanitised one by one took about three
 * times as long (npm run bench, B2 last byte → final paint). Each piece is wrapped in a div of its
 * own, and the wrappers are taken off again; every node is sanitised as before. Should the pieces
 * not come back one per wrapper (a piece that closed its wrapper), each is sanitised alone.
 */
export function sanitizeHtmlPiecesToFragments(
  pieces: readonly string[],
  sanitize: (html: string) => DocumentFragment = sanitizeHtmlToFragment,
): DocumentFragment[] {
  const oneByOne = (): DocumentFragment[] => pieces.map((piece) => sanitize(piece));
  if (pieces.length < 2) return oneByOne();
  const whole = sanitize(pieces.map((piece) => `<div class="${PIECE_CLASS}">${piece}</div>`).join(''));
  const wrappers = Array.from(whole.childNodes);
  if (wrappers.length !== pieces.length || !wrappers.every(isPieceWrapper)) return oneByOne();
  return wrappers.map((wrapper) => {
    const fragment = wrapper.ownerDocument.createDocumentFragment();
    fragment.append(...Array.from(wrapper.childNodes));
    return fragment;
  });
}

/** Highlighted code is only ever spans with highlight.js classes. */
export function sanitizeHighlightedCodeToFragment(html: string): DocumentFragment {
  return runSanitiserToFragment(html, HIGHLIGHT_POLICY);
}
