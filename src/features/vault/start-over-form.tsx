// "Forgot passphrase? Start over": nobody can open the vault without its passphrase, so this says
// so plainly, deletes everything on this device once DELETE is typed, and starts fresh.
import { useState, type FormEvent } from 'react';
import { eraseVaultAndConversations, START_OVER_CONFIRMATION } from '../../byok/start-over';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';

export function StartOverForm() {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (typed !== START_OVER_CONFIRMATION) return;
    setBusy(true);
    try {
      await eraseVaultAndConversations(typed);
      // A fresh page: nothing of the old vault stays in memory, and the vault screen offers a new one.
      window.location.replace('#/vault');
      window.location.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button variant="ghost" size="sm" className="text-slate-700 underline dark:text-slate-300" onClick={() => setOpen(true)}>
        Forgot passphrase? Start over
      </Button>
    );
  }
  return (
    <form aria-label="Start over" onSubmit={(event) => void submit(event)} className="space-y-3 rounded-xl bg-red-50 p-4 ring-1 ring-red-200 dark:bg-red-950/40 dark:ring-red-900">
      <p className="text-sm font-semibold text-red-900 dark:text-red-100">Start over without the passphrase</p>
      <p className="text-sm text-red-900 dark:text-red-100">
        Without the passphrase no one can decrypt this vault, not even us. Starting over deletes every key, every conversation and
        every draft on this device. An encrypted backup file, with the passphrase it was made with, is the only way to get them back.
      </p>
      <TextField label={`Type ${START_OVER_CONFIRMATION} to confirm`} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} disabled={busy} />
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={busy || typed !== START_OVER_CONFIRMATION}>Delete everything and start over</Button>
        <Button variant="secondary" onClick={() => { setOpen(false); setTyped(''); }} disabled={busy}>Cancel</Button>
      </div>
    </form>
  );
}
