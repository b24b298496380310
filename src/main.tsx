import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/app';
import { streamRepliesInWorker } from './app/stream-in-worker';
import { createQueryClient } from './lib/query-client';
import { installDefaultTrustedTypesPolicy } from './app/trusted-types';
import './index.css';

installDefaultTrustedTypesPolicy();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

streamRepliesInWorker();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
