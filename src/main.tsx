import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { streamRepliesInWorker } from './app/stream-in-worker';
import { createQueryClient } from './lib/query-client';
import { installDefaultTrustedTypesPolicy } from './app/trusted-types';
import { parseHashRoute } from './app/hash-route';
import { preloadScreen } from './app/screens';
import { useVaultStore } from './features/vault/vault-store';
import './index.css';

installDefaultTrustedTypesPolicy();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

streamRepliesInWorker();

// The first screen waits for its chunk and for "is there a vault?". Both start now, so they overlap
// React's start-up instead of following its first commit (performance.md B6, offline cold start).
preloadScreen(parseHashRoute(window.location.hash).destination);
void useVaultStore.getState().initialise();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
