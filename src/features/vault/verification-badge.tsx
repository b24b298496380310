import type { KeyVerification } from '../../byok/types';

const BADGES: Record<KeyVerification, { label: string; classes: string }> = {
  verified: { label: 'Verified', classes: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100' },
  invalid: { label: 'Invalid', classes: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100' },
  unverified: { label: 'Not verified yet', classes: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100' },
};

export function VerificationBadge({ verification, checking }: { verification: KeyVerification; checking: boolean }) {
  if (checking) {
    return (
      <span role="status" className="inline-flex items-center gap-1.5 rounded-full bg-brand-100 px-2.5 py-0.5 text-xs font-medium text-brand-900 dark:bg-brand-900 dark:text-brand-100">
        <span className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none" aria-hidden="true" />
        Verifying…
      </span>
    );
  }
  const badge = BADGES[verification];
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${badge.classes}`}>{badge.label}</span>;
}
