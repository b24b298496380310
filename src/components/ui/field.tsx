import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

const CONTROL_CLASSES =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 aria-[invalid=true]:border-red-500';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: ReactNode;
  /** A password field gets a Show/Hide button, so a long passphrase or key can be checked by eye. */
  revealable?: boolean;
}

/** The browser's file button, styled like the app's own buttons. */
const FILE_CLASSES =
  'file:mr-3 file:min-h-9 file:cursor-pointer file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-brand-700';

export function TextField({ label, hint, error, className = '', revealable = false, type, ...rest }: TextFieldProps) {
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const input = (
    <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} type={revealable && revealed ? 'text' : type}
      className={`${CONTROL_CLASSES} ${type === 'file' ? FILE_CLASSES : ''} ${revealable ? 'pr-20' : ''} ${className}`} {...rest} />
  );
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {revealable ? (
        <div className="relative">
          {input}
          <button type="button" aria-controls={id} title={`${revealed ? 'Hide' : 'Show'} the ${label.toLowerCase()}`}
            onClick={() => setRevealed(!revealed)}
            className="absolute inset-y-0 right-0 min-w-16 rounded-r-lg px-3 text-sm font-medium text-brand-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-100 dark:hover:bg-slate-800">
            {revealed ? 'Hide' : 'Show'}
          </button>
        </div>
      ) : input}
    </FieldFrame>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
}

export function SelectField({ label, hint, children, className = '', ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={`${CONTROL_CLASSES} ${className}`} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** Props every secret input gets, so no browser feature copies it elsewhere (security.md R30, T41). */
export const SECRET_INPUT_PROPS = {
  type: 'password',
  autoComplete: 'off',
  spellCheck: false,
  autoCapitalize: 'off',
  autoCorrect: 'off',
} as const;
