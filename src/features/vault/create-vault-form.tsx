import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { TextField } from '../../components/ui/field';
import { Spinner } from '../../components/ui/spinner';
import { measurePassphrase } from './passphrase-strength';
import { StrengthMeter } from './strength-meter';
import { useVaultStore } from './vault-store';

export function CreateVaultForm() {
  const createVault = useVaultStore((state) => state.createVault);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [acceptWeak, setAcceptWeak] = useState(false);
  const tooShort = Array.from(passphrase).length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirmation.length > 0 && confirmation !== passphrase;
  // A weak passphrase is allowed (the hard rule is only the length), but only when said so.
  const weak = !tooShort && measurePassphrase(passphrase).level <= 1;
  const blocked = tooShort || confirmation !== passphrase || (weak && !acceptWeak);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    setBusy(true);
    setError(null);
    try {
      await createVault(passphrase);
    } catch (caught) {
      setError(describeError(caught).detail);
      setBusy(false);
    }
  }

  return (
    <Card title="Create your vault" description="One passphrase protects every key you add. It never leaves this browser.">
      <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-label="Create vault">
        <TextField label="Passphrase" type="password" revealable autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. Four or more random words work well.`} required disabled={busy} />
        {passphrase.length > 0 ? <StrengthMeter passphrase={passphrase} /> : null}
        {weak ? (
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand-600" checked={acceptWeak} onChange={(event) => setAcceptWeak(event.target.checked)} />
            This passphrase is weak: use it anyway
          </label>
        ) : null}
        <TextField label="Confirm passphrase" type="password" revealable autoComplete="new-password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} error={mismatch ? 'The two passphrases differ.' : undefined} required disabled={busy} />
        <Banner tone="warning">
          <strong>There is no recovery.</strong> If you forget this passphrase, the keys in this vault cannot be decrypted by anyone, including us. Export an encrypted backup once you have added keys.
        </Banner>
        {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || blocked}>
            Create vault
          </Button>
          {busy ? <Spinner label="Deriving your key… this takes about half a second." /> : null}
        </div>
      </form>
    </Card>
  );
}
