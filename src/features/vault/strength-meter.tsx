import { measurePassphrase } from './passphrase-strength';

const BAR_COLOURS = ['bg-slate-300 dark:bg-slate-700', 'bg-red-500', 'bg-amber-500', 'bg-emerald-500', 'bg-emerald-600'];

export function StrengthMeter({ passphrase }: { passphrase: string }) {
  const strength = measurePassphrase(passphrase);
  return (
    <div className="space-y-1">
      <div className="flex gap-1" role="meter" aria-label="Passphrase strength" aria-valuemin={0} aria-valuemax={4} aria-valuenow={strength.level} aria-valuetext={strength.label}>
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={`h-1.5 flex-1 rounded-full ${step <= strength.level ? BAR_COLOURS[strength.level] : BAR_COLOURS[0]}`} />
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-800 dark:text-slate-200">{strength.label}.</span> {strength.hint}
      </p>
    </div>
  );
}
