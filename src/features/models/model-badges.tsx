// Small labelled pills for a catalogue row. Colours are chosen for AA contrast in both themes.
import type { ReactNode } from 'react';
import type { ModelFeatures } from '../../byok/types';

type BadgeTone = 'neutral' | 'brand' | 'warning' | 'success';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200',
  brand: 'bg-brand-100 text-brand-900 dark:bg-brand-900 dark:text-brand-50',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  success: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
};

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

const FEATURE_NAMES: Array<[keyof ModelFeatures, string]> = [['streaming', 'Streaming'], ['functionCalling', 'Function calling'], ['vision', 'Vision']];

/** Supported features as pills; unknown features said in words rather than guessed. */
export function FeatureBadges({ features }: { features: ModelFeatures | null }) {
  if (!features) return <span className="text-xs text-slate-600 dark:text-slate-400">Features unknown</span>;
  const supported = FEATURE_NAMES.filter(([feature]) => features[feature]);
  if (supported.length === 0) return <span className="text-xs text-slate-600 dark:text-slate-400">Text only</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Features">
      {supported.map(([feature, name]) => <li key={feature}><Badge>{name}</Badge></li>)}
    </ul>
  );
}
