import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createScreen } from './screens';

const render = (Screen: React.ComponentType) => renderToString(<Suspense fallback={<p>Loading…</p>}><Screen /></Suspense>);

describe('a lazily loaded screen', () => {
  it('renders at once, with no Suspense fallback, once its chunk has been loaded', async () => {
    const screen = createScreen('Vault', () => Promise.resolve({ default: () => <h1>Vault screen</h1> }));
    await screen.load();
    expect(render(screen.component)).toContain('Vault screen');
  });

  it('goes through Suspense while its chunk is still on its way', () => {
    const screen = createScreen('Chat', () => new Promise(() => undefined));
    expect(render(screen.component)).toContain('Loading…');
  });

  it('never rejects its preload: a failed chunk is left to the lazy path and its error boundary', async () => {
    const screen = createScreen('Models', () => Promise.reject(new Error('offline')));
    await expect(screen.load()).resolves.toBeUndefined();
  });

  it('prepares after unlocking: loads the chunk, then runs its prepare export once per call', async () => {
    const calls: string[] = [];
    const screen = createScreen('Chat', () => Promise.resolve({ default: () => <h1>Chat</h1>, prepare: () => calls.push('prepare') }));
    await screen.prepare();
    expect(calls).toEqual(['prepare']);
    expect(render(screen.component)).toContain('Chat');
    const plain = createScreen('Vault', () => Promise.resolve({ default: () => <h1>Vault</h1> }));
    await expect(plain.prepare()).resolves.toBeUndefined();
  });
});
