// validateKey (product.md): the local format check, then the provider's free GET /models.
// Never throws for a provider answer: the UI records verified / invalid / unverified from it.
import { PROVIDERS, validateKeyFormat } from './provider-config';
import { getProviderAdapter } from './providers';
import { BYOKError, BYOK_ERROR_CODES } from './types';
import type { BYOKErrorCode, BYOKProvider } from './types';

export interface ValidateKeyOptions {
  baseUrl?: string;
  signal?: AbortSignal;
}

export interface ValidateKeyResult {
  valid: boolean;
  models?: string[];
  error?: string;
  /** Why it failed; a malformed key is INVALID_API_KEY without any request; NETWORK_ERROR means "not yet verified". */
  code?: BYOKErrorCode;
}

const HUMAN_MESSAGES: Partial<Record<BYOKErrorCode, (name: string) => string>> = {
  INVALID_API_KEY: (name) => `${name} rejected this key. Check that it was copied whole and has not been revoked.`,
  PERMISSION_DENIED: (name) => `${name} accepted the key but refused access (region, organisation or browser-access settings).`,
  INSUFFICIENT_QUOTA: (name) => `The key works, but the ${name} account has no credit or quota left.`,
  RATE_LIMITED: (name) => `${name} is rate limiting this key right now; try verifying again in a minute.`,
  NETWORK_ERROR: (name) => `Could not reach ${name} (offline, or the request was refused). The key is saved as not yet verified.`,
  STREAM_ABORTED: () => 'The check was cancelled.',
  PROVIDER_OVERLOADED: (name) => `${name} is overloaded; the key could not be checked yet.`,
  SERVER_ERROR: (name) => `${name} had a server error; the key could not be checked yet.`,
};

export async function validateKey(provider: BYOKProvider, apiKey: string, options: ValidateKeyOptions = {}): Promise<ValidateKeyResult> {
  const trimmed = apiKey.trim();
  const format = validateKeyFormat(provider, trimmed);
  if (!format.valid) return { valid: false, error: format.error ?? 'This key does not have the expected format.', code: BYOK_ERROR_CODES.INVALID_API_KEY };
  const config = PROVIDERS[provider];
  try {
    const models = await getProviderAdapter(provider).listModels({
      apiKey: trimmed,
      baseUrl: options.baseUrl ?? config.baseUrl,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { valid: true, models: models.map((model) => model.id) };
  } catch (error) {
    if (!(error instanceof BYOKError)) throw error;
    const describe = HUMAN_MESSAGES[error.code];
    return { valid: false, error: describe ? describe(config.displayName) : error.message, code: error.code };
  }
}
