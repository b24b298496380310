// "Unlock with a passkey" on the lock screen, shown only when a passkey is enrolled (R10).
import { useEffect, useState } from 'react';
import { listPasskeyUnlockOptions, unlockWithPasskey } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { getPrfOutput, passkeysSupported } from './passkey-ceremony';
import { useVaultStore } from './vault-store';

export function PasskeyUnlockButton() {
  const initialise = useVaultStore((state) => state.initialise);
  const [options, setOptions] = useState<Array<{ credentialId: string; prfSalt: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (passkeysSupported()) void listPasskeyUnlockOptions().then(setOptions);
  }, []);
  if (options.length === 0) return null;

  async function unlock() {
    setBusy(true);
    setError(null);
    try {
      const { credentialId, prfOutput } = await getPrfOutput(options);
      await unlockWithPasskey(credentialId, prfOutput);
      await initialise();
    } catch (caught) {
      setError(describeError(caught).detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-4 space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
      <Button variant="secondary" disabled={busy} onClick={() => void unlock()}>Unlock with a passkey</Button>
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
    </div>
  );
}
