// The models this conversation can use: active, priced models of providers that have a key.
import type { ModelSelection } from './chat-conversation-actions';
import type { AvailableModel } from './use-chat-environment';
import { BYOK_PROVIDERS } from '../../byok/types';

export interface ModelSwitcherProps {
  models: AvailableModel[];
  value: ModelSelection;
  disabled?: boolean;
  onChange(selection: ModelSelection): void;
}

const encode = (selection: ModelSelection): string => `${selection.provider}:${selection.model}`;

export function ModelSwitcher({ models, value, disabled, onChange }: ModelSwitcherProps) {
  const known = models.some((entry) => entry.provider === value.provider && entry.model.id === value.model);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor="model-switcher" className="text-xs font-medium text-slate-600 dark:text-slate-400">Model</label>
      <select
        id="model-switcher"
        value={encode(value)}
        disabled={disabled}
        onChange={(event) => {
          const [provider, ...rest] = event.target.value.split(':');
          const entry = models.find((candidate) => candidate.provider === provider && candidate.model.id === rest.join(':'));
          if (entry) onChange({ provider: entry.provider, model: entry.model.id });
        }}
        className="min-w-0 max-w-[14rem] truncate rounded-lg border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 sm:max-w-[18rem]"
      >
        {known ? null : <option value={encode(value)}>{value.model} (no key)</option>}
        {BYOK_PROVIDERS.map((provider) => {
          const entries = models.filter((entry) => entry.provider === provider);
          if (entries.length === 0) return null;
          return (
            <optgroup key={provider} label={entries[0]?.providerName}>
              {entries.map((entry) => (
                <option key={entry.model.id} value={encode({ provider, model: entry.model.id })}>
                  {entry.model.name}{entry.model.features.vision ? ' · vision' : ''}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}
