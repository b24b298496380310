import { Suspense, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { resetChatStore } from '../features/chat/chat-store';
import { registerLockWipe, startVaultLockCoordinator } from '../features/vault/vault-lock-coordinator';
import { VaultStatus } from '../features/vault/vault-status';
import { useVaultStore } from '../features/vault/vault-store';
import { AppHeader } from './app-header';
import { hrefFor, isStartRoute, useHashRoute } from './hash-route';
import { preloadScreens, SCREENS } from './screens';
import { UpdatePrompt } from './update-prompt';

export function App() {
  const route = useHashRoute();
  const Screen = SCREENS[route.destination].component;
  const vaultStatus = useVaultStore((state) => state.status);
  const unlocked = vaultStatus === 'unlocked';
  const queryClient = useQueryClient();
  // The chat is an app, not a page: it fills the viewport (dvh follows the on-screen keyboard) and
  // scrolls inside its message list, with no footer taking rows from the messages.
  const fullHeight = route.destination === 'chat';
  useEffect(() => startVaultLockCoordinator(), []);
  // Lock means wiped: decrypted conversations, titles and drafts, and every cached provider answer.
  useEffect(() => registerLockWipe(() => {
    resetChatStore();
    void queryClient.cancelQueries();
    queryClient.clear();
  }), [queryClient]);
  useEffect(() => {
    // The installed app starts at "/": with a vault, that means the chat; a new user gets the vault.
    if ((vaultStatus === 'locked' || vaultStatus === 'unlocked') && isStartRoute(window.location.hash)) window.location.replace(hrefFor('chat'));
  }, [vaultStatus]);
  useEffect(() => {
    // Only after unlocking: the first screen stays small, and the other screens open instantly.
    if (unlocked) return preloadScreens();
    return undefined;
  }, [unlocked]);

  return (
    <div className={fullHeight ? 'flex h-dvh flex-col overflow-hidden' : 'flex min-h-dvh flex-col'}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader current={route.destination} wide={fullHeight} vaultStatus={<VaultStatus unlockHref={hrefFor('vault')} />} />
      <main id="main" className={fullHeight ? 'flex min-h-0 w-full flex-1 flex-col' : 'mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6'}>
        <Suspense fallback={<p role="status" className="p-4 text-sm text-slate-500">Loading…</p>}>
          <Screen />
        </Suspense>
      </main>
      {fullHeight ? null : (
        <footer className="border-t border-slate-200 px-4 py-3 text-center text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
          Your keys stay in this browser. Requests go straight to each provider.
        </footer>
      )}
      <UpdatePrompt />
    </div>
  );
}
