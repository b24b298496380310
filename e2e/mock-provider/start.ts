// `npm run mock [-- --port 8787] [--host 127.0.0.1]`: the mock provider for manual runs of the app.
// Runs until Ctrl-C. Port 0 asks the system for a free port.
import { parseArgs } from 'node:util';
import { startMockProviderServer } from './server';
import { describeMockServer } from './usage-text';

const DEFAULT_PORT = 8787;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const server = await startMockProviderServer({ port, host: values.host ?? '127.0.0.1' });
  console.log(describeMockServer(server.origin, server.baseUrlFor));
  console.log('\nCtrl-C to stop.');
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
