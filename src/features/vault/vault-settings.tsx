import { useState, type FormEvent } from 'react';
import { AUTO_LOCK_MINUTES, changePassphrase, getAutoLockMinutes, MIN_PASSPHRASE_LENGTH, setAutoLockMinutes } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { SelectField, TextField } from '../../components/ui/field';
import { PasskeySettings } from './passkey-settings';
import { ExportBackupButton, ImportBackupForm } from './backup-forms';
import { StrengthMeter } from './strength-meter';

/** The idle lock is sealed into the vault header (R11), so it is read and written through the vault. */
function AutoLockSetting() {
  const [minutes, setMinutes] = useState<number>(() => getAutoLockMinutes());
  const [error, setError] = useState<string | null>(null);
  async function choose(value: number) {
    const previous = minutes;
    setMinutes(value);
    setError(null);
    try {
      await setAutoLockMinutes(value);
    } catch (caught) {
      setMinutes(previous);
      setError(describeError(caught).detail);
    }
  }
  return (
    <SelectField label="Lock after inactivity" value={minutes} onChange={(event) => void choose(Number(event.target.value))} hint={error ?? 'The vault locks itself after this long without a click or key press in this tab.'}>
      {AUTO_LOCK_MINUTES.map((choice) => (
        <option key={choice} value={choice}>{choice < 60 ? `${choice} minute${choice === 1 ? '' : 's'}` : `${choice / 60} hour${choice === 60 ? '' : 's'}`}</option>
      ))}
    </SelectField>
  );
}

function ChangePassphraseForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const ready = current !== '' && Array.from(next).length >= MIN_PASSPHRASE_LENGTH && next === confirmation;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await changePassphrase(current, next);
      setMessage({ tone: 'success', text: 'Passphrase changed. Use the new one from now on.' });
      setCurrent('');
      setNext('');
      setConfirmation('');
    } catch (caught) {
      setMessage({ tone: 'error', text: describeError(caught).detail });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3" aria-label="Change passphrase">
      <TextField label="Current passphrase" type="password" revealable autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} disabled={busy} />
      <TextField label="New passphrase" type="password" revealable autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} disabled={busy} />
      {next ? <StrengthMeter passphrase={next} /> : null}
      <TextField label="Confirm new passphrase" type="password" revealable autoComplete="new-password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} error={confirmation && confirmation !== next ? 'The two passphrases differ.' : undefined} disabled={busy} />
      {message ? <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</Banner> : null}
      <Button type="submit" variant="secondary" disabled={busy || !ready}>Change passphrase</Button>
    </form>
  );
}

export function VaultSettings() {
  return (
    <Card title="Vault settings">
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <AutoLockSetting />
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">Backup</h3>
            <p className="text-xs text-slate-600 dark:text-slate-400">The file holds only encrypted data; it opens with your passphrase on another device.</p>
            <ExportBackupButton />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">Restore a backup</h3>
            <ImportBackupForm replacesExisting />
          </div>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Change passphrase</h3>
          <ChangePassphraseForm />
          <h3 className="pt-4 text-sm font-semibold">Passkeys</h3>
          <PasskeySettings />
        </div>
      </div>
    </Card>
  );
}
