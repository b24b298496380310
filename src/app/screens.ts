// Each screen is its own lazily loaded chunk, so the first screen downloads only what it shows
// (performance.md B1). Once the vault is unlocked the other chunks are fetched in the background,
// so moving to another screen does not wait for the network.
import { createElement, lazy, memo, useState, type ComponentType } from 'react';
import type { Destination } from './hash-route';

type ScreenModule = { default: () => React.JSX.Element };
/**
 * Starts reading what a screen shows first, once the vault is open (the chat: its list). A module
 * apart from the screen's, so the read starts before the screen's chunk has been fetched and compiled.
 */
type PrepareModule = { prepare: () => void };

interface Screen {
  label: string;
  component: ComponentType;
  /** Fetches the chunk; resolves once the screen can render without suspending. Never rejects. */
  load(): Promise<void>;
  /** After unlocking: the chunk, and alongside it the screen's first data, read ahead. Never rejects. */
  prepare(): Promise<void>;
}

/**
 * React.lazy suspends on its first render even when the chunk is already here, and React keeps a
 * Suspense fallback on screen for at least 300 ms once shown (the offline start's B6 lost that
 * much). So a screen whose chunk has arrived renders directly; only one still on its way goes
 * through lazy. The choice is made once per mount, so a screen never remounts when it arrives.
 */
export function createScreen(label: string, loader: () => Promise<ScreenModule>, prepareLoader?: () => Promise<PrepareModule>): Screen {
  let loaded: ComponentType | null = null;
  const Lazy = lazy(loader);
  function ScreenComponent() {
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(Component);
  }
  return {
    label,
    // Memoised: the App re-renders on every route change, and a screen that reads the route itself
    // (the chat, #/chat/:id) should re-render only where it does, not from the top (B7 open).
    component: memo(ScreenComponent),
    load: () => loader().then((module) => {
      loaded = module.default;
    }, () => undefined),
    prepare() {
      const data = prepareLoader?.().then((module) => module.prepare(), () => undefined);
      return Promise.all([this.load(), data]).then(() => undefined);
    },
  };
}

export const SCREENS: Record<Destination, Screen> = {
  vault: createScreen('Vault', () => import('./screens/vault-route')),
  models: createScreen('Models', () => import('./screens/models-route')),
  chat: createScreen('Chat', () => import('./screens/chat-route'), () => import('./screens/chat-prepare')),
};

export const DESTINATIONS: Destination[] = ['vault', 'models', 'chat'];

/** Warms the module cache; the screen then renders without a network round trip or a fallback. */
export function preloadScreen(destination: Destination): Promise<void> {
  return SCREENS[destination].load();
}

/**
 * Every screen, started right after the next paint, so compiling the other screens' chunks does
 * not delay the first paint after unlocking (B5), yet they are ready when the user moves on (B7's
 * list follows the unlock at once); the chat's conversation list is read and decrypted then too.
 * Returns a cancel function.
 */
export function preloadScreens(): () => void {
  let timer = 0;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(() => {
      for (const destination of DESTINATIONS) void SCREENS[destination].prepare();
    }, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
