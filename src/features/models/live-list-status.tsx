import { Banner } from '../../components/ui/banner';
import { Button } from '../../components/ui/button';
import type { BYOKProvider } from '../../byok/types';
import { PROVIDERS } from '../../byok/provider-config';
import type { LiveListSummary } from './use-model-catalogue';

export interface LiveListStatusProps {
  online: boolean;
  vaultUnlocked: boolean;
  verifiedProviders: BYOKProvider[];
  live: LiveListSummary;
  onRefresh(): void;
}

function joinNames(providers: readonly BYOKProvider[]): string {
  const names = providers.map((provider) => PROVIDERS[provider].displayName);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function formatTime(timestamp: number): string {
  return new Date(timestamp).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function describeKept(live: LiveListSummary): string {
  if (live.merged.length === 0 || live.updatedAt === null) return 'Showing the pricing table alone.';
  return `Showing the pricing table with the lists of ${joinNames(live.merged)} fetched at ${formatTime(live.updatedAt)}.`;
}

export function LiveListStatus({ online, vaultUnlocked, verifiedProviders, live, onRefresh }: LiveListStatusProps) {
  if (!online) {
    return (
      <Banner tone="warning">
        You are offline, so the providers’ live model lists could not be refreshed. {describeKept(live)} Prices and picking
        a default still work.
      </Banner>
    );
  }
  if (!vaultUnlocked || verifiedProviders.length === 0) {
    return (
      <Banner tone="info">
        Prices come from the built-in pricing table.{' '}
        {vaultUnlocked
          ? 'Add and verify a key in the vault to add that provider’s own model list.'
          : 'Unlock the vault to add the model lists of the providers you have verified keys for.'}{' '}
        <a href="#/vault" className="font-medium underline hover:no-underline">Go to the vault</a>
      </Banner>
    );
  }

  const refreshButton = (
    <Button variant="secondary" size="sm" onClick={onRefresh} disabled={!online || live.loading.length > 0}>
      Refresh<span className="sr-only"> the providers’ model lists</span>
    </Button>
  );

  if (live.loading.length > 0) {
    return <Banner tone="info">Fetching the live model lists of {joinNames(live.loading)}…</Banner>;
  }
  if (live.failures.length > 0) {
    return (
      <Banner tone="warning" action={refreshButton}>
        <ul className="space-y-1">
          {live.failures.map((failure) => (
            <li key={failure.provider}>
              The live model list of {failure.providerName} could not be refreshed: {failure.reason}
            </li>
          ))}
        </ul>
        <p className="mt-1">{describeKept(live)}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="success" action={refreshButton}>
      Merged the live model lists of {joinNames(live.merged)}
      {live.updatedAt === null ? '' : ` (fetched at ${formatTime(live.updatedAt)})`}: models the pricing table does not know are
      marked “price unknown”.
    </Banner>
  );
}
