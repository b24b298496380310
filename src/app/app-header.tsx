import type { ReactNode } from 'react';
import { TOUCH_TARGET } from '../components/ui/button';
import { useOnlineStatus } from '../lib/use-online-status';
import { hrefFor, type Destination } from './hash-route';
import { DESTINATIONS, SCREENS } from './screens';
import { InstallButton } from './install-button';

export interface AppHeaderProps {
  current: Destination;
  /** Full width (the chat); other screens keep a readable column. */
  wide?: boolean;
  /** Vault state and lock button, supplied by app/ once the vault exists. */
  vaultStatus?: ReactNode;
}

/** One row on every width, so a phone gives its height to the screen below, not to navigation. */
export function AppHeader({ current, wide = false, vaultStatus }: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-40 shrink-0 border-b border-slate-200 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className={`mx-auto flex items-center gap-1 px-2 py-0.5 sm:gap-4 sm:px-4 ${wide ? '' : 'max-w-6xl sm:px-6'}`}>
        <a href={hrefFor('vault')} className={`flex items-center justify-center gap-2 rounded-lg font-semibold tracking-tight ${TOUCH_TARGET}`}>
          <img src="/favicon.svg" alt="" width={28} height={28} className="rounded-md" />
          <span className="sr-only sm:not-sr-only">VIVIM <span className="text-brand-600 dark:text-brand-400">BYOK</span></span>
        </a>
        <nav aria-label="Main">
          <ul className="flex gap-0.5 rounded-xl bg-slate-100 p-0.5 dark:bg-slate-900">
            {DESTINATIONS.map((destination) => (
              <li key={destination}>
                <a
                  href={hrefFor(destination)}
                  aria-current={destination === current ? 'page' : undefined}
                  className={`flex items-center justify-center rounded-lg px-2.5 text-sm font-medium text-slate-600 max-[359px]:px-1.5 hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-slate-900 aria-[current=page]:shadow-sm sm:px-4 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:bg-slate-700 dark:aria-[current=page]:text-white ${TOUCH_TARGET}`}
                >
                  {SCREENS[destination].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
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
      {/* The narrowest phones show the dot only: with the word the header did not fit, and the
          Lock button was cut off (the word stays for screen readers, and the composer says it). */}
      <span className="max-[399px]:sr-only">Offline</span>
    </span>
  );
}
