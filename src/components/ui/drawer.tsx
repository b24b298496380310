// A side drawer for phones, built on the native modal <dialog>: the browser makes the rest of the
// page inert, Esc closes it, and focus returns to the button that opened it. Tab wraps around
// inside it, since a modal dialog alone lets focus leave for the browser's own toolbar.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
import { Button } from './button';

export interface DrawerProps {
  open: boolean;
  label: string;
  onClose(): void;
  children: ReactNode;
}

export function Drawer({ open, label, onClose, children }: DrawerProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-label={label}
      onClose={onClose}
      onKeyDown={keepFocusInside}
      onCancel={(event) => { event.preventDefault(); onClose(); }}
      onClick={(event) => { if (event.target === dialog.current) onClose(); }}
      className="fixed inset-y-0 left-0 m-0 h-dvh max-h-none w-[min(22rem,88vw)] max-w-none bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <div className="flex h-full flex-col gap-2 p-3">
          <div className="flex items-center justify-between">
            <h2 className="text-base font-semibold">{label}</h2>
            <Button variant="ghost" size="sm" onClick={onClose}>Close</Button>
          </div>
          <div className="flex min-h-0 flex-1 flex-col">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
