// The composer's model picker: a button showing the model, opening a searchable combobox grouped
// by provider, with price, context window and capabilities per model (ARIA combobox + listbox).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { TOUCH_TARGET } from '../../components/ui/button';
import { usePriceUnit } from '../../lib/use-price-unit';
import type { ModelSelection } from './chat-conversation-actions';
import { formatContextWindow, formatModelPrice, isReasoningModel, searchModels } from './model-search';
import type { ChatModelOption } from './use-chat-environment';

export interface ModelPickerProps {
  models: ChatModelOption[];
  value: ModelSelection;
  disabled?: boolean;
  onChange(selection: ModelSelection): void;
}

const optionId = (base: string, model: ChatModelOption): string => `${base}-${model.provider}-${model.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

function Capabilities({ model }: { model: ChatModelOption }) {
  const labels = [
    model.features?.vision ? 'vision' : null,
    model.features?.functionCalling ? 'tools' : null,
    isReasoningModel(model) ? 'reasoning' : null,
  ].filter((label): label is string => label !== null);
  return <>{labels.map((label) => <span key={label} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] dark:bg-slate-800">{label}</span>)}</>;
}

function ModelOption({ model, id, active, selected, onPick }: { model: ChatModelOption; id: string; active: boolean; selected: boolean; onPick(): void }) {
  const unit = usePriceUnit();
  return (
    <li id={id} role="option" aria-selected={selected} data-model={`${model.provider}:${model.id}`} data-active={active || undefined} onClick={onPick} onMouseDown={(event) => event.preventDefault()}
      className="flex min-h-11 cursor-pointer flex-col justify-center rounded-lg px-3 py-1.5 data-[active]:bg-brand-50 aria-selected:font-semibold dark:data-[active]:bg-brand-900/50">
      <span className="flex items-center gap-2 text-sm">{selected ? <span aria-hidden="true">✓</span> : null}<span className="truncate">{model.name}</span></span>
      <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600 tabular-nums dark:text-slate-300">
        <span>{formatModelPrice(model, unit)}</span>
        <span>· {formatContextWindow(model.contextWindow)} context</span>
        <Capabilities model={model} />
      </span>
    </li>
  );
}

export function ModelPicker({ models, value, disabled, onChange }: ModelPickerProps) {
  const base = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const groups = useMemo(() => searchModels(models, query), [models, query]);
  const flat = useMemo(() => groups.flatMap((group) => group.models), [groups]);
  const current = models.find((model) => model.provider === value.provider && model.id === value.model);
  const active = flat[Math.min(activeIndex, flat.length - 1)];

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (active) document.getElementById(optionId(base, active))?.scrollIntoView({ block: 'nearest' });
  }, [active, base]);

  function close(returnFocus: boolean) {
    setOpen(false);
    setQuery('');
    if (returnFocus) trigger.current?.focus();
  }
  function pick(model: ChatModelOption) {
    onChange({ provider: model.provider, model: model.id });
    close(true);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((index) => (Math.min(index, flat.length - 1) + step + flat.length) % Math.max(flat.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active) pick(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    }
  }

  // On a phone the list opens over the whole composer, from its left edge: from the button, a
  // screen-wide list stuck out past the right edge, and focusing its search field scrolled the
  // whole page sideways. Wider screens have room beside the button.
  return (
    <div className="min-w-0 sm:relative">
      <button ref={trigger} type="button" id="model-switcher" disabled={disabled} aria-haspopup="listbox" aria-expanded={open}
        aria-label={`Model: ${current?.name ?? value.model}`} onClick={() => (open ? close(false) : setOpen(true))}
        className={`flex max-w-[min(11rem,100%)] items-center gap-1 truncate rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 sm:max-w-[16rem] dark:text-slate-200 dark:hover:bg-slate-800 ${TOUCH_TARGET}`}>
        <span className="truncate">{current?.name ?? `${value.model}`}</span>
        <span aria-hidden="true" className="text-xs">▾</span>
      </button>
      {open ? (
        <div className="absolute bottom-full left-0 z-30 mb-2 w-[min(26rem,calc(100vw-1.5rem))] rounded-xl bg-white p-2 shadow-xl ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
          onBlur={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close(false); }}>
          <label htmlFor={`${base}-search`} className="sr-only">Search models</label>
          <input ref={input} id={`${base}-search`} role="combobox" aria-expanded="true" aria-controls={`${base}-list`} aria-autocomplete="list"
            aria-activedescendant={active ? optionId(base, active) : undefined} value={query} placeholder="Search models, e.g. gpt5, sonnet"
            autoComplete="off" spellCheck={false} onKeyDown={onKeyDown} onChange={(event) => { setQuery(event.target.value); setActiveIndex(0); }}
            className="mb-2 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400" />
          <div id={`${base}-list`} role="listbox" aria-label="Models" className="max-h-[min(24rem,55dvh)] overflow-y-auto">
            {groups.length === 0 ? <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">No model matches “{query}”.</p> : null}
            {groups.map((group) => (
              <ul key={group.provider} role="group" aria-label={group.providerName} className="mb-1">
                <li role="presentation" className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{group.providerName}</li>
                {group.models.map((model) => (
                  <ModelOption key={model.id} model={model} id={optionId(base, model)} active={model === active}
                    selected={model.provider === value.provider && model.id === value.model} onPick={() => pick(model)} />
                ))}
              </ul>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
