import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { TextField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { PasskeyUnlockButton } from './passkey-unlock-button';
import { StartOverForm } from './start-over-form';
import { useVaultStore } from './vault-store';

/** Seconds left until the next attempt is allowed, following the clock a few times a second. */
function useSecondsUntil(timestamp: number): number {
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    const update = () => setSecondsLeft(Math.max(0, Math.ceil((timestamp - Date.now()) / 1000)));
    const first = window.setTimeout(update, 0);
    const timer = window.setInterval(update, 250);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [timestamp]);
  return secondsLeft;
}

export function UnlockForm() {
  const unlock = useVaultStore((state) => state.unlock);
  const failedUnlocks = useVaultStore((state) => state.failedUnlocks);
  const blockedUntil = useVaultStore((state) => state.unlockBlockedUntil);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waitSeconds = useSecondsUntil(blockedUntil);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (waitSeconds > 0 || passphrase.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
    } catch (caught) {
      setError(describeError(caught).detail);
      setPassphrase('');
      setBusy(false);
    }
  }

  return (
    <Card title="Unlock your vault" description="Enter your passphrase to use your keys. The vault locks itself again after a while without activity.">
      <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-label="Unlock vault">
        <TextField label="Passphrase" type="password" revealable autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} required disabled={busy} autoFocus />
        {error ? (
          <Banner tone="error" role="alert">
            {error}
            {failedUnlocks >= 5 ? ` ${failedUnlocks} failed attempts.` : null}
          </Banner>
        ) : null}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || waitSeconds > 0}>
            {waitSeconds > 0 ? `Try again in ${waitSeconds} s` : 'Unlock'}
          </Button>
          {busy ? <Spinner label="Deriving your key…" /> : null}
        </div>
      </form>
      <PasskeyUnlockButton />
      <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800"><StartOverForm /></div>
    </Card>
  );
}
