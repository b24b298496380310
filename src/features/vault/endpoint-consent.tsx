// Consent before a key is bound to an endpoint other than its provider's own (security.md R22,
// AT4): the full origin the key will be sent to is shown, and nothing is saved until the person
// agrees. The approved origin also joins the page's connect-src from the next page load on.
import { normaliseEndpoint } from '../../byok/vault/endpoint';

/** The origin a custom endpoint would send the key to, or null for the provider's own / an invalid URL. */
export function customEndpointOrigin(endpoint: string, providerBaseUrl: string): string | null {
  if (endpoint.trim() === '') return null;
  try {
    const origin = normaliseEndpoint(endpoint).origin;
    return origin === new URL(providerBaseUrl).origin ? null : origin;
  } catch {
    // An invalid endpoint is refused with its reason when saving.
    return null;
  }
}

interface EndpointConsentProps {
  origin: string;
  providerName: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

export function EndpointConsent({ origin, providerName, checked, disabled, onChange }: EndpointConsentProps) {
  return (
    <div className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
      <p>
        This key will be sent to <strong className="break-all font-mono">{origin}</strong>, not to {providerName}. Only approve an endpoint you run or trust.
      </p>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" className="size-4" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
        I trust {origin} with this key
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400">A page opened before you approved it reaches the new endpoint after its next reload.</p>
    </div>
  );
}
