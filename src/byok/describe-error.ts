// The one place that turns an error into words for people: a title, what happened, and the
// action that fixes it (docs/architecture.md, "Rules"). Never includes request headers or keys.
import { PROVIDERS, withArticle } from './provider-config';
import { BYOKError, type BYOKErrorCode } from './types';

export type ErrorAction = 'reenter-key' | 'wait' | 'pick-model' | 'shorten' | 'check-connection' | 'retry' | 'unlock' | 'add-key' | 'none';

export interface ErrorDescription {
  code: BYOKErrorCode;
  title: string;
  detail: string;
  action: ErrorAction;
  /** Whole seconds to wait, when the provider said how long. */
  waitSeconds?: number;
}

type Describer = (providerName: string, waitSeconds: number | undefined) => Omit<ErrorDescription, 'code' | 'waitSeconds'>;

const DESCRIPTIONS: Record<BYOKErrorCode, Describer> = {
  INVALID_API_KEY: (name) => ({ title: `${name} rejected the key`, detail: 'The key is wrong, revoked or for another product. Replace it in the vault.', action: 'reenter-key' }),
  RATE_LIMITED: (name, wait) => ({ title: `${name} is rate limiting this key`, detail: wait ? `Wait ${wait} s, then try again.` : 'Wait a little, then try again.', action: 'wait' }),
  MODEL_NOT_FOUND: (name) => ({ title: 'Model not available', detail: `${name} does not offer this model to your key (it may be retired). Pick another model.`, action: 'pick-model' }),
  INSUFFICIENT_QUOTA: (name) => ({ title: `${name} account out of credit`, detail: 'The key has no quota or credit left, or hit its spending limit. Add credit in the provider’s console; retrying will not help.', action: 'none' }),
  STREAM_ABORTED: () => ({ title: 'Stopped', detail: 'You stopped the reply. What had arrived is kept.', action: 'none' }),
  ENCRYPTION_FAILED: () => ({ title: 'Could not encrypt', detail: 'The browser refused to encrypt the data. Nothing was saved; try again.', action: 'retry' }),
  DECRYPTION_FAILED: () => ({ title: 'Stored data could not be decrypted', detail: 'A stored record was changed or damaged outside the app. It was not used.', action: 'none' }),
  KEY_NOT_FOUND: (name) => ({ title: `No ${name} key`, detail: `Add ${withArticle(name)} key in the vault to use this provider.`, action: 'add-key' }),
  VAULT_LOCKED: () => ({ title: 'The vault is locked', detail: 'Unlock the vault with your passphrase to continue.', action: 'unlock' }),
  WRONG_PASSPHRASE: () => ({ title: 'Wrong passphrase', detail: 'That passphrase does not open this vault. Check caps lock and try again.', action: 'retry' }),
  PERMISSION_DENIED: (name) => ({ title: `${name} refused the request`, detail: 'The key is not allowed to do this (region, organisation or browser access settings). Check the key’s permissions in the provider’s console.', action: 'reenter-key' }),
  CONTEXT_TOO_LONG: () => ({ title: 'Conversation too long for this model', detail: 'Shorten the conversation, start a new one, or pick a model with a larger context window.', action: 'shorten' }),
  PROVIDER_OVERLOADED: (name, wait) => ({ title: `${name} is overloaded`, detail: wait ? `Try again in ${wait} s.` : 'Try again in a moment.', action: 'retry' }),
  SERVER_ERROR: (name) => ({ title: `${name} had a server error`, detail: 'The provider failed on its side. Try again.', action: 'retry' }),
  INVALID_REQUEST: (name) => ({ title: `${name} rejected the request`, detail: 'The provider did not accept a setting or part of the message. Try another model or different settings.', action: 'pick-model' }),
  CONTENT_FILTERED: (name) => ({ title: 'Blocked by a content filter', detail: `${name}’s safety filter blocked this prompt. Rephrase it.`, action: 'none' }),
  STREAM_INTERRUPTED: () => ({ title: 'The reply was cut off', detail: 'The connection ended before the reply finished. The text that arrived is kept; retry to ask again.', action: 'retry' }),
  NETWORK_ERROR: (name) => ({ title: `Could not reach ${name}`, detail: 'You may be offline, or the endpoint refused a request from this browser (CORS). Check the connection and the key’s endpoint.', action: 'check-connection' }),
  BUDGET_EXCEEDED: () => ({ title: 'Monthly budget reached', detail: 'This message would take the key past its monthly budget. Raise the budget in the vault or wait for next month.', action: 'none' }),
  CONVERSATION_CHANGED: () => ({ title: 'Changed in another tab', detail: 'Another tab wrote to this conversation first. Its latest messages are shown now, and nothing you typed was lost: check them, then try again.', action: 'none' }),
  UNKNOWN: () => ({ title: 'Something went wrong', detail: 'An unexpected error happened. Try again.', action: 'retry' }),
};

const VAULT_WORDED_CODES = new Set<BYOKErrorCode>(['INVALID_REQUEST', 'DECRYPTION_FAILED']);

/**
 * A write the browser refused because this site's storage is full. Whatever the code it travels
 * under (a vault write is ENCRYPTION_FAILED, a conversation write UNKNOWN), the reader needs to
 * hear that, not "the browser refused to encrypt".
 */
function isStorageFull(error: BYOKError): boolean {
  const { cause } = error;
  return (cause instanceof DOMException || cause instanceof Error) && cause.name === 'QuotaExceededError';
}

const STORAGE_FULL = {
  title: 'Storage full',
  detail: 'The browser’s storage for this site is full, so nothing was saved. Free disk space or delete old conversations, then try again.',
  action: 'none',
} as const;

export function describeError(error: unknown): ErrorDescription {
  const known = error instanceof BYOKError ? error : new BYOKError('UNKNOWN', error instanceof Error ? error.message : String(error));
  const providerName = known.provider ? PROVIDERS[known.provider].displayName : 'The provider';
  const waitSeconds = known.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(known.retryAfterMs / 1000));
  const description = isStorageFull(known) ? STORAGE_FULL : (DESCRIPTIONS[known.code] ?? DESCRIPTIONS.UNKNOWN)(providerName, waitSeconds);
  // Without a provider these come from the vault itself, whose own message says what to do.
  const ownWords = known.provider === undefined && VAULT_WORDED_CODES.has(known.code) && known.message !== '';
  return { code: known.code, ...description, ...(ownWords ? { detail: known.message } : {}), ...(waitSeconds === undefined ? {} : { waitSeconds }) };
}
