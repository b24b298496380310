import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  icon?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}

/** A centred card that says honestly what a screen will do once it has something to show. */
export function EmptyState({ title, icon, children, action }: EmptyStateProps) {
  return (
    <section className="mx-auto mt-8 max-w-xl rounded-2xl border border-dashed border-slate-300 bg-white/70 p-8 text-center shadow-sm dark:border-slate-700 dark:bg-slate-900/60">
      {icon ? <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-brand-100 text-brand-700 dark:bg-brand-900 dark:text-brand-100" aria-hidden="true">{icon}</div> : null}
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 space-y-2 text-sm text-slate-600 dark:text-slate-300">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </section>
  );
}
