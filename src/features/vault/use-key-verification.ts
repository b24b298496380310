// Checks a stored key against its provider (`GET /models`) through React Query, records the
// outcome in the vault, and re-checks "not verified yet" keys when the browser comes back online.
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getKeyCredentials, setKeyVerification } from '../../byok/api-key-manager';
import { describeError } from '../../byok/describe-error';
import { BYOKError, type BYOKErrorCode, type BYOKProvider } from '../../byok/types';
import { useOnlineStatus } from '../../lib/use-online-status';
import { useVaultStore } from './vault-store';

export interface VerificationOutcome {
  provider: BYOKProvider;
  valid: boolean;
  error?: string;
  code?: BYOKErrorCode;
}

/** Errors that say nothing about the key itself leave it "not verified yet" rather than invalid. */
const INCONCLUSIVE_CODES: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'RATE_LIMITED', 'PROVIDER_OVERLOADED', 'SERVER_ERROR', 'STREAM_ABORTED']);

async function verifyStoredKey(provider: BYOKProvider): Promise<VerificationOutcome> {
  const { apiKey, baseUrl } = await getKeyCredentials(provider);
  // The five provider adapters load only when a key is checked, not with the first screen (B1, B6).
  const { validateKey } = await import('../../byok/validate-key');
  const result = await validateKey(provider, apiKey, { baseUrl });
  const code = result.valid ? undefined : (result.code ?? 'UNKNOWN');
  // Unreachable says nothing about the key: it stays "not verified yet" and the re-check tries again.
  if (code === 'NETWORK_ERROR') throw new BYOKError(code, result.error ?? 'Network error', { provider });
  const inconclusive = code !== undefined && INCONCLUSIVE_CODES.has(code);
  await setKeyVerification(provider, result.valid ? 'verified' : inconclusive ? 'unverified' : 'invalid');
  await useVaultStore.getState().refresh();
  if (code === undefined) return { provider, valid: true };
  return { provider, valid: false, code, error: describeError(new BYOKError(code, result.error ?? '', { provider })).detail };
}

export function useKeyVerification() {
  return useMutation({ mutationKey: ['verify-key'], mutationFn: verifyStoredKey });
}

/** How often keys still "not verified yet" are tried again: navigator.onLine can be wrong. */
const RECHECK_INTERVAL_MS = 15_000;

/**
 * Verifies every key still waiting for it when the browser comes back online, and every 15 s
 * while any is waiting, because `online` events and navigator.onLine are not always reliable.
 */
export function useVerifyWhenOnline(verify: (provider: BYOKProvider) => void): void {
  const online = useOnlineStatus();
  const keys = useVaultStore((state) => state.keys);
  const unlocked = useVaultStore((state) => state.status === 'unlocked');
  const waiting = keys.filter((key) => key.verification === 'unverified').map((key) => key.provider).join(',');

  useEffect(() => {
    if (!online || !unlocked || waiting === '') return;
    const verifyWaiting = () => {
      for (const provider of waiting.split(',')) verify(provider as BYOKProvider);
    };
    verifyWaiting();
    const timer = window.setInterval(verifyWaiting, RECHECK_INTERVAL_MS);
    return () => window.clearInterval(timer);
    // Only a change of connectivity or of the waiting set should restart this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, unlocked, waiting]);
}
