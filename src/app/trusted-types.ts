// Trusted Types (security.md R24): the page's CSP says `require-trusted-types-for 'script'`, so
// every HTML or script-URL sink needs a value from an allowed policy. There are two:
// - `app-html`, in features/chat/sanitize-html.ts: the sanitiser's own policy, the only way to
//   turn a string into HTML;
// - `default` (created here, before anything registers a worker): it has no createHTML, so a raw
//   string written to innerHTML still throws, and it lets through only same-origin script URLs —
//   the service worker (workbox-window registers '/sw.js' as a string) and any same-origin Worker.
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string }): unknown;
  defaultPolicy: unknown;
}

function isSameOriginScript(input: string): boolean {
  try {
    return new URL(input, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

export function installDefaultTrustedTypesPolicy(): void {
  const factory = (window as Window & { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (factory === undefined || factory.defaultPolicy) return;
  factory.createPolicy('default', {
    createScriptURL: (input) => {
      if (isSameOriginScript(input)) return input;
      throw new TypeError(`Refused a script URL from another origin: ${input.slice(0, 100)}`);
    },
  });
}
