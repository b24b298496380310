import { useState } from 'react';
import { formatCost, PROVIDERS } from '../../byok/provider-config';
import type { StoredKey } from '../../byok/types';
import type { UsageSummary } from '../../byok/usage-ledger';
import { Button } from '../../components/ui/button';
import { formatDate, formatTokens, isDueForRotation } from './format-date';
import { BudgetForm, RemoveKeyConfirmation, ReplaceKeyForm } from './key-actions';
import { BudgetFact } from './budget-fact';
import { VerificationBadge } from './verification-badge';

type OpenAction = 'replace' | 'budget' | 'remove' | null;

export interface KeyCardProps {
  storedKey: StoredKey;
  usage: UsageSummary | undefined;
  checking: boolean;
  verificationError: string | null;
  onVerify: () => void;
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

/** "≈ $0.0005 · 107 tokens": marked as an estimate when any request in it was one (as the chat marks it). */
function describeSpend(cost: number, tokens: { input: number; output: number }, estimatedRequests: number): string {
  return `${estimatedRequests > 0 ? '≈ ' : ''}${formatCost(cost)} · ${formatTokens(tokens.input + tokens.output)} tokens`;
}

export function KeyCard({ storedKey, usage, checking, verificationError, onVerify }: KeyCardProps) {
  const [open, setOpen] = useState<OpenAction>(null);
  const name = PROVIDERS[storedKey.provider].displayName;
  const close = () => setOpen(null);
  const customEndpoint = storedKey.baseUrl !== PROVIDERS[storedKey.provider].baseUrl;

  return (
    <li className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" aria-label={`${name} key`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold">{name}</h3>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{storedKey.keyPrefix}</code>
        <VerificationBadge verification={storedKey.verification} checking={checking} />
        {isDueForRotation(storedKey.createdAt) ? <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">Older than 90 days: consider rotating</span> : null}
      </div>
      {customEndpoint ? <p className="mt-1 break-all text-xs text-slate-600 dark:text-slate-400">Endpoint: {storedKey.baseUrl}</p> : null}
      {verificationError && !checking ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{verificationError}</p> : null}
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Fact term="Added">{formatDate(storedKey.createdAt)}</Fact>
        <Fact term="Last used">{formatDate(storedKey.lastUsed)}</Fact>
        <Fact term="This month">{usage ? describeSpend(usage.monthCost, usage.monthTokens, usage.monthEstimatedRequests) : '—'}</Fact>
        <Fact term="All time">{usage ? describeSpend(usage.totalCost, usage.totalTokens, usage.totalEstimatedRequests) : '—'}</Fact>
        <Fact term="Monthly budget"><BudgetFact usage={usage} /></Fact>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={onVerify} disabled={checking}>Re-verify</Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen('replace')}>Replace key</Button>
        <Button size="sm" variant="secondary" onClick={() => setOpen('budget')}>Set budget</Button>
        <Button size="sm" variant="ghost" className="text-red-700 dark:text-red-300" onClick={() => setOpen('remove')}>Remove</Button>
      </div>
      {open ? (
        <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
          {open === 'replace' ? <ReplaceKeyForm provider={storedKey.provider} onDone={close} onReplaced={onVerify} /> : null}
          {open === 'budget' ? <BudgetForm provider={storedKey.provider} onDone={close} current={usage?.budget ?? null} /> : null}
          {open === 'remove' ? <RemoveKeyConfirmation provider={storedKey.provider} onDone={close} /> : null}
        </div>
      ) : null}
    </li>
  );
}
