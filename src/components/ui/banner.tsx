import type { ReactNode } from 'react';

type Tone = 'info' | 'warning' | 'error' | 'success';

const TONE_CLASSES: Record<Tone, string> = {
  info: 'bg-brand-50 text-brand-900 ring-brand-200 dark:bg-brand-900/40 dark:text-brand-50 dark:ring-brand-700',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-900/30 dark:text-amber-100 dark:ring-amber-700',
  error: 'bg-red-50 text-red-900 ring-red-300 dark:bg-red-900/30 dark:text-red-100 dark:ring-red-700',
  success: 'bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-900/30 dark:text-emerald-100 dark:ring-emerald-700',
};

export interface BannerProps {
  tone?: Tone;
  children: ReactNode;
  action?: ReactNode;
  /** `status` for polite announcements, `alert` for errors that need attention now. */
  role?: 'status' | 'alert';
}

export function Banner({ tone = 'info', children, action, role = 'status' }: BannerProps) {
  return (
    <div role={role} className={`flex flex-wrap items-center gap-3 rounded-xl px-4 py-3 text-sm ring-1 ring-inset ${TONE_CLASSES[tone]}`}>
      <div className="min-w-0 flex-1">{children}</div>
      {action}
    </div>
  );
}
