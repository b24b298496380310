// B1: the JS and CSS the first screen (#/vault in a fresh profile) loads. The network log says
// WHICH files the page fetched; dist/ (the bench's copy of it) gives their bytes, gzipped here at level 9, since
// `vite preview` serves them uncompressed (so the log's transfer size is the raw size).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright';
import { newBenchContext } from '../lib/browser';
import { APP_COPY } from '../lib/build-pages';


export interface LoadedFile {
  path: string;
  kind: 'js' | 'css';
  networkBytes: number;
  distBytes: number;
  gzipBytes: number;
}

export interface FirstLoad {
  files: LoadedFile[];
  jsGzip: number;
  cssGzip: number;
  jsNetwork: number;
  cssNetwork: number;
}

async function describeFile(path: string, kind: 'js' | 'css', networkBytes: number): Promise<LoadedFile> {
  const bytes = await readFile(resolve(APP_COPY, `.${path}`));
  return { path, kind, networkBytes, distBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

export async function measureFirstLoad(browser: Browser, origin: string): Promise<FirstLoad> {
  const context = await newBenchContext(browser, origin);
  const page = await context.newPage();
  const fetched: Array<Promise<{ path: string; kind: 'js' | 'css'; bytes: number } | null>> = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    const kind = request.resourceType() === 'script' ? 'js' : request.resourceType() === 'stylesheet' ? 'css' : null;
    if (url.origin !== origin || kind === null) return;
    fetched.push(request.sizes().then((sizes) => ({ path: url.pathname, kind, bytes: sizes.responseBodySize })));
  });
  await page.goto('/#/vault', { waitUntil: 'networkidle' });
  await page.getByRole('form', { name: 'Create vault' }).waitFor();
  const entries = (await Promise.all(fetched)).filter((entry) => entry !== null);
  const files = await Promise.all(entries.map((entry) => describeFile(entry.path, entry.kind, entry.bytes)));
  await context.close();
  const sum = (kind: 'js' | 'css', field: 'gzipBytes' | 'networkBytes'): number =>
    files.filter((file) => file.kind === kind).reduce((total, file) => total + file[field], 0);
  return { files, jsGzip: sum('js', 'gzipBytes'), cssGzip: sum('css', 'gzipBytes'), jsNetwork: sum('js', 'networkBytes'), cssNetwork: sum('css', 'networkBytes') };
}
