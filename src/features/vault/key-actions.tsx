// The inline forms behind a key card's actions: replace (rotate), budget, remove (confirm).
import { useState, type FormEvent } from 'react';
import { removeKey, rotateKey } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { PROVIDERS, validateKeyFormat } from '../../byok/provider-config';
import type { BYOKProvider } from '../../byok/types';
import { setMonthlyBudget } from '../../byok/usage-ledger';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { SECRET_INPUT_PROPS, TextField } from '../../components/ui/field';
import { useVaultStore } from './vault-store';

interface ActionFormProps {
  provider: BYOKProvider;
  onDone: () => void;
}

/** Runs an action, keeps the form open with a message when it fails. */
function useAction(onDone: () => void) {
  const refresh = useVaultStore((state) => state.refresh);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      const failure = await action();
      if (failure) return setError(failure);
      await refresh();
      onDone();
    } catch (caught) {
      setError(describeError(caught).detail);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run };
}

export function ReplaceKeyForm({ provider, onDone, onReplaced }: ActionFormProps & { onReplaced: () => void }) {
  const [apiKey, setApiKey] = useState('');
  const { error, busy, run } = useAction(() => { onReplaced(); onDone(); });
  const format = apiKey.trim() === '' ? null : validateKeyFormat(provider, apiKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await rotateKey(provider, apiKey);
      return result.valid ? null : (result.error ?? 'The key could not be replaced.');
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Replace ${PROVIDERS[provider].displayName} key`}>
      <TextField label="New API key" {...SECRET_INPUT_PROPS} revealable value={apiKey} onChange={(event) => setApiKey(event.target.value)} hint={`Expected: ${PROVIDERS[provider].keyFormat.description}`} error={format && !format.valid ? format.error : undefined} disabled={busy} />
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy || !format?.valid}>Save new key</Button>
        <Button size="sm" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

export function BudgetForm({ provider, onDone, current }: ActionFormProps & { current: number | null }) {
  const [amount, setAmount] = useState(current === null ? '' : String(current));
  const { error, busy, run } = useAction(onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const value = amount.trim() === '' ? null : Number(amount);
      if (value !== null && (!Number.isFinite(value) || value <= 0)) return 'Enter a positive amount in US dollars, such as 20 or 0.005, or leave it empty for no budget.';
      await setMonthlyBudget(provider, value);
      return null;
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={`Monthly budget for ${PROVIDERS[provider].displayName}`}>
      <TextField label="Monthly budget (USD)" type="number" min="0" step="any" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} hint="Any positive amount, cents and below. A message whose longest possible reply would pass it is refused before it is sent; you are warned from 80 %. Empty means no budget." disabled={busy} />
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>Save budget</Button>
        <Button size="sm" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

export function RemoveKeyConfirmation({ provider, onDone }: ActionFormProps) {
  const { error, busy, run } = useAction(onDone);
  const name = PROVIDERS[provider].displayName;
  return (
    <div role="group" aria-label={`Remove ${name} key`} className="space-y-3 rounded-lg bg-red-50 p-3 dark:bg-red-950/40">
      <p className="text-sm">Remove the {name} key from this vault? This cannot be undone; your usage history stays.</p>
      {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
      <div className="flex gap-2">
        <Button size="sm" variant="danger" disabled={busy} onClick={() => void run(async () => { await removeKey(provider); return null; })}>
          Remove {name} key
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </div>
  );
}
