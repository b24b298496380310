// @vitest-environment happy-dom
// A small menu closes on Escape (focus back on its button), on a press elsewhere, and when the
// focus moves on past it; a press on its own button or inside it leaves that to them.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useCallback, useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDismiss } from './use-dismiss';

function Menu() {
  const [open, setOpen] = useState(true);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useDismiss(trigger, menu, open, useCallback(() => setOpen(false), []));
  return (
    <>
      <button ref={trigger} type="button" onClick={() => setOpen(!open)}>Actions</button>
      {open ? <div ref={menu} role="menu"><button type="button">Rename</button></div> : null}
      <button type="button">Elsewhere</button>
    </>
  );
}

afterEach(cleanup);

describe('useDismiss', () => {
  it('closes on Escape inside the menu, puts the focus back on its button, and uses the key up', () => {
    render(<Menu />);
    const seenByPage = vi.fn();
    document.addEventListener('keydown', seenByPage);
    act(() => screen.getByRole('button', { name: 'Rename' }).focus());
    const used = !fireEvent.keyDown(screen.getByRole('button', { name: 'Rename' }), { key: 'Escape', cancelable: true });
    document.removeEventListener('keydown', seenByPage);
    expect(used).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions' }));
    expect(seenByPage).not.toHaveBeenCalled();
  });

  it('closes on Escape with the focus still on the button that opened it', () => {
    render(<Menu />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions' }), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on a press anywhere else, and not on a press inside it', () => {
    render(<Menu />);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Rename' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes when the focus moves on past it, and not while it moves between its button and its items', () => {
    render(<Menu />);
    act(() => screen.getByRole('button', { name: 'Actions' }).focus());
    act(() => screen.getByRole('button', { name: 'Rename' }).focus());
    expect(screen.getByRole('menu')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
