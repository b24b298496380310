// The Content Security Policy (security.md R24, R26), built in one place for both places it is
// applied:
// - the service worker (src/sw/service-worker.ts) answers every navigation with it as a header:
//   `connect-src` lists the five provider API origins plus the origins of the endpoints the user
//   approved (the origins their stored keys are bound to), and nothing else, so injected code
//   cannot send keys or chats anywhere else; `frame-ancestors` and the R26 headers ride along;
// - the built page carries a <meta> copy for the very first load, before the worker is installed.
//   A static page cannot know the user's endpoints, so its `connect-src` stays open to https and
//   loopback; both policies are enforced together, so once the worker serves the page the header's
//   narrower list is what counts.
// Trusted Types: only the sanitiser's policy (`app-html`) may create HTML; `default` only lets the
// service-worker script URL through (workbox-window registers it with a string).
// Chromium rejects an IPv6 literal as a CSP source, so a gateway on [::1] is not reachable here.
export const PROVIDER_API_ORIGINS = [
  'https://api.openai.com',
  'https://api.anthropic.com',
  'https://generativelanguage.googleapis.com',
  'https://api.x.ai',
  'https://api.mistral.ai',
] as const;

export const TRUSTED_TYPES_POLICY_NAME = 'app-html';
export const SERVICE_WORKER_PATH = '/sw.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * An origin fit for `connect-src`: exactly `https://host[:port]`, or http on loopback. Anything
 * else (a path, spaces, `;`, a wildcard, punycode) is dropped: the list comes from storage the
 * worker cannot authenticate, and must never be able to inject a directive.
 */
export function isConnectableOrigin(origin: unknown): origin is string {
  if (typeof origin !== 'string') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname;
  if (url.origin !== origin || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || host.split('.').some((label) => label.startsWith('xn--'))) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export interface PolicyOptions {
  /** Origins the page may connect to besides itself: the providers and the approved endpoints. */
  connectSources: readonly string[];
  /** Header only: a <meta> policy cannot carry frame-ancestors. */
  frameAncestors: boolean;
  /** Only when the page itself is https: upgrading would break an http loopback preview. */
  upgradeInsecureRequests: boolean;
}

export function buildContentSecurityPolicy(options: PolicyOptions): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${["'self'", ...options.connectSources].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.frameAncestors ? ["frame-ancestors 'none'"] : []),
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICY_NAME} default`,
    ...(options.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The service worker's policy: providers plus the approved endpoint origins, nothing else. */
export function buildWorkerPolicy(approvedOrigins: readonly unknown[], pageIsHttps: boolean): string {
  const approved = [...new Set(approvedOrigins.filter(isConnectableOrigin))].filter((origin) => !PROVIDER_API_ORIGINS.some((provider) => provider === origin));
  return buildContentSecurityPolicy({ connectSources: [...PROVIDER_API_ORIGINS, ...approved.sort()], frameAncestors: true, upgradeInsecureRequests: pageIsHttps });
}

/** The first-load fallback in the built page's <meta> tag. */
export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy({
  connectSources: ['https:', 'http://127.0.0.1:*', 'http://localhost:*'],
  frameAncestors: false,
  upgradeInsecureRequests: false,
});

/** R26: the headers a header can carry, next to the CSP, on every navigation the worker answers. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
