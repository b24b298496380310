import { useState, type FormEvent } from 'react';
import { addKey } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { PROVIDERS, validateKeyFormat, withArticle } from '../../byok/provider-config';
import type { BYOKProvider } from '../../byok/types';
import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { SECRET_INPUT_PROPS, SelectField, TextField } from '../../components/ui/field';
import { EndpointConsent, customEndpointOrigin } from './endpoint-consent';
import { useVaultStore } from './vault-store';

export interface AddKeyFormProps {
  availableProviders: BYOKProvider[];
  /** Called with the provider once its key is stored, to verify it. */
  onSaved: (provider: BYOKProvider) => void;
}

export function AddKeyForm({ availableProviders, onSaved }: AddKeyFormProps) {
  const refresh = useVaultStore((state) => state.refresh);
  const [provider, setProvider] = useState<BYOKProvider>(availableProviders[0] ?? 'openai');
  const [apiKey, setApiKey] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [consented, setConsented] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const config = PROVIDERS[provider];
  const format = apiKey.trim() === '' ? null : validateKeyFormat(provider, apiKey);
  const customOrigin = customEndpointOrigin(endpoint, config.baseUrl);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await addKey(provider, apiKey, endpoint.trim() ? { baseUrl: endpoint.trim() } : {});
      if (!result.valid) {
        setError(result.error ?? 'The key could not be stored.');
        return;
      }
      setApiKey('');
      setEndpoint('');
      setConsented(false);
      await refresh();
      onSaved(provider);
      const next = availableProviders.find((candidate) => candidate !== provider);
      if (next) setProvider(next);
    } catch (caught) {
      setError(describeError(caught).detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Add a key" description="Keys are encrypted before they are stored, and only ever sent to their own provider.">
      <form onSubmit={(event) => void submit(event)} className="space-y-4" aria-label="Add key">
        <SelectField label="Provider" value={provider} onChange={(event) => { setProvider(event.target.value as BYOKProvider); setError(null); }} disabled={busy}>
          {availableProviders.map((candidate) => (
            <option key={candidate} value={candidate}>{PROVIDERS[candidate].displayName}</option>
          ))}
        </SelectField>
        <TextField
          label="API key"
          {...SECRET_INPUT_PROPS} revealable
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          placeholder={config.keyFormat.example}
          hint={format?.valid ? `Looks like ${withArticle(config.displayName)} key.` : `Expected: ${config.keyFormat.description}`}
          error={format && !format.valid ? format.error : undefined}
          required
          disabled={busy}
        />
        <details className="rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
          <summary className="cursor-pointer font-medium">Advanced</summary>
          <div className="mt-3">
            <TextField label="Endpoint" type="url" inputMode="url" value={endpoint} onChange={(event) => { setEndpoint(event.target.value); setConsented(false); }} placeholder={config.baseUrl} hint={`Defaults to ${config.baseUrl}. Only https, or http on localhost for a local gateway. The key is bound to this origin.`} disabled={busy} spellCheck={false} autoComplete="off" />
          </div>
          {customOrigin ? <div className="mt-3"><EndpointConsent origin={customOrigin} providerName={config.displayName} checked={consented} disabled={busy} onChange={setConsented} /></div> : null}
        </details>
        {error ? <Banner tone="error" role="alert">{error}</Banner> : null}
        <Button type="submit" disabled={busy || !format?.valid || (customOrigin !== null && !consented)}>
          Save key
        </Button>
      </form>
    </Card>
  );
}
