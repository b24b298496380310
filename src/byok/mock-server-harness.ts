// Shared by the tests that run the library against the real mock provider over real HTTP
// (e2e/mock-provider): one server per test file, obvious fake keys that pass each provider's key
// format, and the tool the round-trip tests call.
import { afterAll, beforeAll } from 'vitest';
import { startMockProviderServer, type MockProviderServer } from '../../e2e/mock-provider/server';
import type { BYOKProvider, ToolDefinition } from './types';

export const FAKE_KEYS: Record<BYOKProvider, string> = {
  openai: 'sk-proj-E2Etestkey0123456789abcdefghijkl',
  anthropic: 'sk-ant-api03-E2Etestkey0123456789abcdefghijkl-AA',
  google: 'AIzaSyE2Etestkey0123456789abcdefghijkl',
  xai: 'xai-E2Etestkey0123456789abcdefghijklmnopqrstuvwxyz',
  mistral: 'E2Etestkey0123456789abcdefghijkl',
};

export const WEATHER_TOOL: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

/** Starts the mock before this file's tests and closes it after; call the result inside a test. */
export function useMockProviderServer(): () => MockProviderServer {
  let server: MockProviderServer | null = null;
  beforeAll(async () => {
    server = await startMockProviderServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === null) throw new Error('The mock provider server is not running: call it inside a test.');
    return server;
  };
}
