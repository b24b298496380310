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

  it('prepares after unlocking: loads the chunk and, alongside it, runs the prepare module once per call', async () => {
    const calls: string[] = [];
    let arrive = (): void => undefined;
    const chunk = new Promise<{ default: () => React.JSX.Element }>((resolve) => (arrive = () => resolve({ default: () => <h1>Chat</h1> })));
    const screen = createScreen('Chat', () => chunk, () => Promise.resolve({ prepare: () => calls.push('prepare') }));
    const prepared = screen.prepare();
    // The data is read while the screen's own chunk is still on its way.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['prepare']);
    arrive();
    await prepared;
    expect(render(screen.component)).toContain('Chat');
    const plain = createScreen('Vault', () => Promise.resolve({ default: () => <h1>Vault</h1> }));
    await expect(plain.prepare()).resolves.toBeUndefined();
    const failing = createScreen('Models', () => Promise.resolve({ default: () => <h1>Models</h1> }), () => Promise.reject(new Error('offline')));
    await expect(failing.prepare()).resolves.toBeUndefined();
  });
});
