// The vault state in the header, on every screen: locked / unlocked, and the lock button.
import { useEffect } from 'react';
import { Button, TOUCH_TARGET } from '../../components/ui/button';
import { LockIcon, UnlockIcon } from '../../components/ui/icons';
import { lockEverywhere } from './vault-lock-coordinator';
import { useVaultStore } from './vault-store';

export function VaultStatus({ unlockHref }: { unlockHref: string }) {
  const status = useVaultStore((state) => state.status);
  const initialise = useVaultStore((state) => state.initialise);
  useEffect(() => {
    if (status === 'loading') void initialise();
  }, [status, initialise]);

  if (status === 'unlocked') {
    return (
      <Button size="sm" variant="secondary" onClick={lockEverywhere} title="Lock the vault in every tab">
        <UnlockIcon width={16} height={16} />
        {/* Below 360 px the icon alone, so the header keeps one row; the name stays "Lock". */}
        <span className="max-[359px]:sr-only">Lock</span>
      </Button>
    );
  }
  if (status === 'locked') {
    return (
      <a href={unlockHref} className={`inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium ${TOUCH_TARGET} text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800`}>
        <LockIcon width={16} height={16} />
        <span className="max-[359px]:sr-only">Locked</span>
      </a>
    );
  }
  return null;
}
