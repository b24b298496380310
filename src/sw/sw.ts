// The service worker (vite-plugin-pwa, injectManifest; built to dist/sw.js). It precaches the built shell as the
// generated worker did (no runtime caching: provider traffic never touches a cache, R28), and
// answers every navigation with the shell plus a CSP header built from the approved endpoint
// origins, and the R26 headers (security.md R24, §8 option b).
import { addRoute, createHandlerBoundToURL, cleanupOutdatedCaches, precache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SECURITY_HEADERS, buildWorkerPolicy } from '../app/content-security-policy';
import { readApprovedOrigins } from './approved-origins';

interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
declare const self: WorkerScope;

self.addEventListener('message', (event) => {
  // "Reload" in the update prompt: the waiting worker takes over only when the user says so (R29).
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** The same body and status, with the policy and the R26 headers added. */
async function withSecurityHeaders(response: Response, approvedOrigins: Promise<unknown[]>): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', buildWorkerPolicy(await approvedOrigins, self.location.protocol === 'https:'));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  // The body is streamed through, not copied: a lock reloads the page, and that must stay quick.
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Registered before the precache route, which would otherwise answer "/" with the bare shell.
const shell = createHandlerBoundToURL('index.html');
registerRoute(new NavigationRoute(async (options) => {
  // The cache read and the vault read run side by side.
  const approvedOrigins = readApprovedOrigins();
  return withSecurityHeaders(await shell(options), approvedOrigins);
}));
addRoute();
