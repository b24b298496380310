// The processes the bench needs: the app build, `vite preview` on a port of its own (4173 belongs
// to the e2e tests), and the local mock provider, in-process.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startMockProviderServer, type MockProviderServer } from '../../e2e/mock-provider/server';

const root = resolve(import.meta.dirname, '..', '..');

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output.slice(-4000)}`))));
  });
}

export function buildApp(): Promise<void> {
  return run('npm', ['run', 'build']);
}

export interface Preview {
  origin: string;
  close(): void;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = String((error as Error).cause ?? error);
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms (${lastProblem})`);
}

/** Its own process group, so closing it ends npx's children too (and nothing else). */
export async function startPreview(port: number, outDir: string): Promise<Preview> {
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const close = (): void => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  try {
    await waitForHttp(`${origin}/`, 60_000);
  } catch (error) {
    close();
    throw new Error(`${(error as Error).message}; exit code ${child.exitCode}; stderr: ${errors.slice(-2000)}`, { cause: error });
  }
  return { origin, close };
}

export function startMock(): Promise<MockProviderServer> {
  return startMockProviderServer();
}
