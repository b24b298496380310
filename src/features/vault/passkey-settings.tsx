// Passkeys that can unlock the vault (security.md R10): add one (needs the passphrase again),
// remove any. The passphrase itself can never be removed, and the screen says so.
import { useState, type FormEvent } from 'react';
import { MAX_PASSKEYS, enrolPasskey, listPasskeys, removePasskey } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { createPrfPasskey, passkeysSupported } from './passkey-ceremony';
import { formatDate } from './format-date';

export function PasskeySettings() {
  const [passkeys, setPasskeys] = useState(() => listPasskeys());
  const [passphrase, setPassphrase] = useState('');
  const [label, setLabel] = useState('This device');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function run(action: () => Promise<void>, success: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setPasskeys(listPasskeys());
      setMessage({ tone: 'success', text: success });
    } catch (caught) {
      setMessage({ tone: 'error', text: describeError(caught).detail });
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    void run(async () => enrolPasskey(passphrase, await createPrfPasskey(label)), 'Passkey added. It can unlock the vault from now on.');
  }

  if (!passkeysSupported()) return <p className="text-xs text-slate-600 dark:text-slate-400">This browser cannot use passkeys.</p>;
  return (
    <div className="space-y-3">
      <p className="text-xs text-slate-600 dark:text-slate-400">A passkey with the PRF extension can unlock the vault instead of typing the passphrase. The passphrase always keeps working and cannot be removed. Up to {MAX_PASSKEYS} passkeys; a new data key removes them.</p>
      {passkeys.length > 0 ? (
        <ul aria-label="Passkeys" className="space-y-2">
          {passkeys.map((entry) => (
            <li key={entry.credentialId} className="flex items-center justify-between gap-2 text-sm">
              <span>{entry.label} <span className="text-xs text-slate-500">added {formatDate(entry.createdAt)}</span></span>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => void run(() => removePasskey(entry.credentialId), 'Passkey removed.')}>Remove {entry.label}</Button>
            </li>
          ))}
        </ul>
      ) : null}
      {passkeys.length < MAX_PASSKEYS ? (
        <form onSubmit={add} className="space-y-3" aria-label="Add passkey">
          <TextField label="Passkey name" value={label} onChange={(event) => setLabel(event.target.value)} disabled={busy} autoComplete="off" />
          <TextField label="Passphrase (to add a passkey)" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} disabled={busy} />
          <Button type="submit" variant="secondary" disabled={busy || passphrase === ''}>Add a passkey</Button>
        </form>
      ) : null}
      {message ? <Banner tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</Banner> : null}
    </div>
  );
}
