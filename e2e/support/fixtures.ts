// The e2e `test`: Playwright's, plus a local mock provider server per worker (real HTTP on
// 127.0.0.1, streaming each provider's real format), reached through each key's endpoint.
import { test as base } from '@playwright/test';
import { startMockProviderServer, type MockProviderServer } from '../mock-provider/server';

export const test = base.extend<{ mock: MockProviderServer }, { workerMock: MockProviderServer }>({
  workerMock: [
    async ({}, use) => {
      const server = await startMockProviderServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  mock: async ({ workerMock }, use) => {
    workerMock.clearRequests();
    await use(workerMock);
  },
});

export { expect } from '@playwright/test';
