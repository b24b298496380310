// Shared by the incremental renderer's tests: a scheduler the test drives by hand, and DOM helpers.
import type { SliceScheduler } from './incremental-markdown';

/** A clock that advances 1 ms per reading and tasks that run only when the test says so. */
export function createManualScheduler() {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const idleTasks: Array<() => void> = [];
  const queue = <T>(list: T[], task: T): (() => void) => {
    list.push(task);
    return () => void list.splice(list.indexOf(task), 1);
  };
  const scheduler: SliceScheduler = {
    later: (task) => queue(tasks, task),
    // An idle period of 3 ms by the clock.
    idle: (task) => queue(idleTasks, () => {
      const end = clock + 3;
      task(() => end - clock);
    }),
    now: () => (clock += 1),
  };
  const run = (list: Array<() => void>): boolean => {
    const task = list.shift();
    task?.();
    return task !== undefined;
  };
  return { scheduler, runTask: () => run(tasks), runIdle: () => run(idleTasks), pending: () => tasks.length, pendingIdle: () => idleTasks.length };
}

/** The reply without the renderer's wrappers (presentation only: where a group ends may differ). */
export function withoutGroups(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const group of Array.from(copy.querySelectorAll('.markdown-group, .markdown-open'))) group.replaceWith(...Array.from(group.childNodes));
  return copy.innerHTML;
}

export const mount = (): HTMLElement => document.body.appendChild(document.createElement('div'));
