// The Content Security Policy the built page carries in a <meta> tag (security.md R24), a second
// line of defence behind the sanitiser: no inline or injected script runs, nothing is framed, and
// an image in model output cannot beacon to a remote host. `connect-src` stays open to https (and
// loopback http for local gateways and the mock provider) because each key may have its own
// endpoint; a static host cannot list user-approved origins in advance (security.md §8, option a).
// Chromium rejects an IPv6 literal as a CSP source, so a gateway on [::1] is not reachable here.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
