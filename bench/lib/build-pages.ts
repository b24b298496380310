// Builds the bench-only scripts into <app copy>/bench/ after the app build: the page probe (an IIFE for
// addInitScript), the seed entry, the naive baseline and the contenders page (ES modules served by `vite preview`).
// configFile: false keeps the app's PWA plugin out, so the service worker never lists them.
import { copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..', '..');
/**
 * A private copy of dist/ that the bench serves and reads: other engineers' builds in the same
 * tree empty dist/ at any moment, which would pull the ground from under a running bench.
 */
export const APP_COPY = resolve(root, 'bench', 'results', 'app');
export const BENCH_DIST = resolve(APP_COPY, 'bench');
export const PROBE_FILE = resolve(BENCH_DIST, 'probe.js');

async function buildLibrary(entry: Record<string, string>, format: 'es' | 'iife', outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    // React's production build for the contenders (library mode leaves process.env alone otherwise).
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: [format], name: format === 'iife' ? 'benchProbe' : undefined, fileName: (_format, name) => `${name}.js` },
    },
  });
}

/** Copies the fresh dist/ aside, then adds the bench pages to the copy only. */
export async function prepareAppCopy(): Promise<void> {
  await rm(APP_COPY, { recursive: true, force: true });
  await cp(resolve(root, 'dist'), APP_COPY, { recursive: true, filter: (source) => !source.startsWith(resolve(root, 'dist', 'bench')) });
  await buildBenchPages();
}

async function buildBenchPages(): Promise<void> {
  await mkdir(resolve(BENCH_DIST, 'baseline'), { recursive: true });
  await mkdir(resolve(BENCH_DIST, 'contenders'), { recursive: true });
  await buildLibrary({ probe: resolve(root, 'bench/page/probe.ts') }, 'iife', BENCH_DIST);
  await buildLibrary({ seed: resolve(root, 'bench/seed-entry.ts') }, 'es', BENCH_DIST);
  await buildLibrary({ 'naive-render': resolve(root, 'bench/baseline/naive-render.ts') }, 'es', resolve(BENCH_DIST, 'baseline'));
  await copyFile(resolve(root, 'bench/baseline/index.html'), resolve(BENCH_DIST, 'baseline', 'index.html'));
  await buildLibrary({ contenders: resolve(root, 'bench/contenders/contenders.ts') }, 'es', resolve(BENCH_DIST, 'contenders'));
  await copyFile(resolve(root, 'bench/contenders/index.html'), resolve(BENCH_DIST, 'contenders', 'index.html'));
}
