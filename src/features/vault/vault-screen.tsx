import { useEffect } from 'react';
import { Card } from '../../components/ui/card';
import { Spinner } from '../../components/ui/spinner';
import { ImportBackupForm } from './backup-forms';
import { CreateVaultForm } from './create-vault-form';
import { KeyList } from './key-list';
import { SpendView } from './spend-view';
import { UnlockForm } from './unlock-form';
import { VaultSettings } from './vault-settings';
import { useVaultStore } from './vault-store';

export function VaultScreen() {
  const status = useVaultStore((state) => state.status);
  const initialise = useVaultStore((state) => state.initialise);
  useEffect(() => {
    if (status === 'loading') void initialise();
  }, [status, initialise]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Key vault</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Your API keys, encrypted with AES-256-GCM in this browser. They leave it only to reach their own provider.
        </p>
      </div>
      {status === 'loading' ? <Spinner label="Opening the vault…" /> : null}
      {status === 'absent' ? (
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <CreateVaultForm />
          <Card title="Moving from another device?" description="Restore an encrypted backup exported from VIVIM BYOK.">
            <ImportBackupForm replacesExisting={false} />
          </Card>
        </div>
      ) : null}
      {status === 'locked' ? <div className="max-w-xl"><UnlockForm /></div> : null}
      {status === 'unlocked' ? (
        <>
          <KeyList />
          <SpendView />
          <VaultSettings />
        </>
      ) : null}
    </div>
  );
}
