import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSettled } from './run-settled';

describe('runSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the task once, after the last of several asks in a row has settled', () => {
    const task = vi.fn();
    const settled = runSettled(task, 100);
    settled.run();
    vi.advanceTimersByTime(60);
    settled.run();
    vi.advanceTimersByTime(60);
    settled.run();
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    settled.run();
    vi.advanceTimersByTime(100);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing once cancelled', () => {
    const task = vi.fn();
    const settled = runSettled(task, 100);
    settled.run();
    settled.cancel();
    vi.advanceTimersByTime(500);
    expect(task).not.toHaveBeenCalled();
  });
});
