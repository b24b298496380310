import { useRef, useState } from 'react';
import { describeError } from '../../byok/describe-error';
import { BYOK_PROVIDERS, type BYOKProvider } from '../../byok/types';
import { useOnlineStatus } from '../../lib/use-online-status';
import { AddKeyForm } from './add-key-form';
import { KeyCard } from './key-card';
import { useKeyVerification, useVerifyWhenOnline } from './use-key-verification';
import { useVaultStore } from './vault-store';

export function KeyList() {
  const keys = useVaultStore((state) => state.keys);
  const usage = useVaultStore((state) => state.usage);
  const online = useOnlineStatus();
  const verification = useKeyVerification();
  const [checking, setChecking] = useState<ReadonlySet<BYOKProvider>>(new Set());
  const [errors, setErrors] = useState<Partial<Record<BYOKProvider, string>>>({});
  // One check per key at a time, however many triggers (save, back online, re-check timer) fire.
  const inFlight = useRef(new Set<BYOKProvider>());

  function verify(provider: BYOKProvider) {
    // Offline, the key simply stays "not verified yet"; it is checked when the browser is back online.
    if (!navigator.onLine || inFlight.current.has(provider)) return;
    inFlight.current.add(provider);
    setChecking((current) => new Set(current).add(provider));
    verification.mutate(provider, {
      onSuccess: (outcome) => setErrors((current) => ({ ...current, [provider]: outcome.valid ? undefined : outcome.error })),
      onError: (error) => setErrors((current) => ({ ...current, [provider]: describeError(error).detail })),
      onSettled: () => {
        inFlight.current.delete(provider);
        setChecking((current) => { const next = new Set(current); next.delete(provider); return next; });
      },
    });
  }
  useVerifyWhenOnline(verify);

  const availableProviders = BYOK_PROVIDERS.filter((provider) => !keys.some((key) => key.provider === provider));
  return (
    <div className="space-y-6">
      {!online && keys.some((key) => key.verification === 'unverified') ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-200">Offline: new keys are saved as “not verified yet” and checked as soon as you are back online.</p>
      ) : null}
      {keys.length > 0 ? (
        <section aria-labelledby="stored-keys-heading" className="space-y-3">
          <h2 id="stored-keys-heading" className="text-base font-semibold">Your keys</h2>
          <ul className="space-y-3">
            {keys.map((storedKey) => (
              <KeyCard key={storedKey.provider} storedKey={storedKey} usage={usage[storedKey.provider]} checking={checking.has(storedKey.provider)} verificationError={errors[storedKey.provider] ?? null} onVerify={() => verify(storedKey.provider)} />
            ))}
          </ul>
        </section>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No keys yet. Add one below to start chatting.</p>
      )}
      {availableProviders.length > 0 ? <AddKeyForm key={availableProviders.join()} availableProviders={availableProviders} onSaved={verify} /> : null}
    </div>
  );
}
