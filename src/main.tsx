import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { streamRepliesInWorker } from './app/stream-in-worker';
import { createQueryClient } from './lib/query-client';
import { installDefaultTrustedTypesPolicy } from './app/trusted-types';
import { hrefFor, isStartRoute, parseHashRoute } from './app/hash-route';
import { preloadScreen } from './app/screens';
import { useVaultStore } from './features/vault/vault-store';
import './index.css';

installDefaultTrustedTypesPolicy();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

streamRepliesInWorker();

/**
 * The first screen waits for its chunk and for "is there a vault?". Both start now, so they overlap
 * React's start-up instead of following its first commit (performance.md B6, offline cold start).
 * The start URL depends on the answer (with a vault, the chat), so there the chunk waits for it:
 * going there before the first render means no screen is shown and then swapped under the user.
 */
async function prepareFirstScreen(): Promise<void> {
  // A failed read leaves the status 'loading', and the screens' own effect asks again.
  const initialised = useVaultStore.getState().initialise().catch(() => undefined);
  if (isStartRoute(window.location.hash)) {
    await initialised;
    const { status } = useVaultStore.getState();
    if (status === 'locked' || status === 'unlocked') window.location.replace(hrefFor('chat'));
  }
  await preloadScreen(parseHashRoute(window.location.hash).destination);
}
const firstScreen = prepareFirstScreen();

/** Longest the first render waits for the first screen's chunk; then it shows "Loading…" meanwhile. */
const FIRST_SCREEN_WAIT_MS = 400;

function renderApp(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

// Rendering with the chunk already here skips the "Loading…" fallback, which React would keep on
// screen for 300 ms at least (screens.ts). From the service worker's cache it takes a few ms.
void Promise.race([firstScreen.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]).then(() => renderApp(root));
