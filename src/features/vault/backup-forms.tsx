// Encrypted backup: export holds the header and ciphertext only (security.md R33); import checks
// the passphrase opens the file before it replaces anything, and replacing an existing vault asks
// for that vault's own passphrase first (step-up).
import { useState, type FormEvent } from 'react';
import { exportVault, importVault } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { useVaultStore } from './vault-store';

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

export function ExportBackupButton() {
  const [error, setError] = useState<string | null>(null);
  async function exportNow() {
    setError(null);
    try {
      downloadText(`vivim-byok-vault-${new Date().toISOString().slice(0, 10)}.json`, await exportVault());
    } catch (caught) {
      setError(describeError(caught).detail);
    }
  }
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => void exportNow()}>Export encrypted backup</Button>
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
    </div>
  );
}

export function ImportBackupForm({ replacesExisting }: { replacesExisting: boolean }) {
  const initialise = useVaultStore((state) => state.initialise);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [currentPassphrase, setCurrentPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await importVault(await file.text(), passphrase, replacesExisting ? currentPassphrase : undefined);
      await initialise();
    } catch (caught) {
      setError(describeError(caught).detail);
    } finally {
      setPassphrase('');
      setCurrentPassphrase('');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3" aria-label="Import backup">
      <TextField label="Backup file" type="file" accept="application/json,.json" onChange={(event) => setFile(event.target.files?.[0] ?? null)} disabled={busy} />
      <TextField label="Backup passphrase" type="password" revealable autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} hint="The passphrase the vault had when the backup was made." disabled={busy} />
      {replacesExisting ? (
        <TextField label="Current passphrase" type="password" revealable autoComplete="current-password" value={currentPassphrase} onChange={(event) => setCurrentPassphrase(event.target.value)} hint="Replacing this vault needs its own passphrase first. Other open tabs lock." disabled={busy} />
      ) : null}
      {replacesExisting ? <p className="text-xs text-amber-800 dark:text-amber-200">Importing replaces the vault in this browser; conversations kept under a different vault are deleted.</p> : null}
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
      <Button type="submit" variant="secondary" disabled={busy || !file || passphrase === '' || (replacesExisting && currentPassphrase === '')}>Import backup</Button>
    </form>
  );
}
