import type { ReactNode } from 'react';
import { useOnlineStatus } from '../lib/use-online-status';
import { hrefFor, type Destination } from './hash-route';
import { DESTINATIONS, SCREENS } from './screens';
import { InstallButton } from './install-button';

export interface AppHeaderProps {
  current: Destination;
  /** Vault state and lock button, supplied by app/ once the vault exists. */
  vaultStatus?: ReactNode;
}

export function AppHeader({ current, vaultStatus }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 sm:px-6">
        <a href={hrefFor('vault')} className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" width={28} height={28} className="rounded-md" />
          <span>VIVIM <span className="text-brand-600 dark:text-brand-400">BYOK</span></span>
        </a>
        <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 rounded-xl bg-slate-100 p-1 dark:bg-slate-900">
            {DESTINATIONS.map((destination) => (
              <li key={destination} className="flex-1 sm:flex-none">
                <a
                  href={hrefFor(destination)}
                  aria-current={destination === current ? 'page' : undefined}
                  className="block rounded-lg px-4 py-1.5 text-center text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-slate-900 aria-[current=page]:shadow-sm dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:bg-slate-700 dark:aria-[current=page]:text-white"
                >
                  {SCREENS[destination].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <OfflineIndicator />
          <InstallButton />
          {vaultStatus}
        </div>
      </div>
    </header>
  );
}

function OfflineIndicator() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <span
      role="status"
      title="You are offline. The vault, the catalogue and your conversations still work; sending a message needs the network."
      className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
    >
      <span className="size-2 rounded-full bg-amber-500" aria-hidden="true" />
      Offline
    </span>
  );
}
