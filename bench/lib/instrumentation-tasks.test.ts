import { describe, expect, it } from 'vitest';
import { instrumentationCpu } from './instrumentation-tasks';
import type { TraceEvent } from './trace';

const thread = { pid: 1, tid: 1, cat: 'toplevel' };
const task = (ts: number, cpuUs: number): TraceEvent => ({ ...thread, name: 'RunTask', ph: 'X', ts, dur: cpuUs + 5, tdur: cpuUs });
const event = (name: string, ts: number, dur = 2, tag?: string): TraceEvent =>
  ({ ...thread, name, ph: 'X', ts, dur, ...(tag === undefined ? {} : { args: { chrome_mojo_event_info: { mojo_interface_tag: tag } } }) }) as TraceEvent;

describe('instrumentationCpu', () => {
  it('counts tasks that only deliver a transfer-size notice, and every DevTools command task, and nothing else', () => {
    const tasks = [task(0, 40), task(100, 30), task(200, 500), task(1000, 2000), task(4000, 900)];
    const events = [
      ...tasks,
      // A worker's transfer-size notice forwarded to the page: nothing but the IPC.
      event('SimpleWatcher::OnHandleReady', 1, 30), event('Receive mojo message', 2, 20, 'blink.mojom.ResourceLoadInfoNotifier'),
      // A main-thread fetch's notice.
      event('Receive mojo message', 101, 20, 'network.mojom.URLLoaderClient'), event('BlinkScheduler_PerformMicrotaskCheckpoint', 125, 1),
      // The same interface delivering the response to script: the page's work.
      event('Receive mojo message', 201, 400, 'network.mojom.URLLoaderClient'), event('FunctionCall', 210, 300),
      // The harness's page.evaluate, script and all.
      event('Receive mojo message', 1001, 1900, 'blink.mojom.DevToolsSession'), event('FunctionCall', 1010, 1500),
      // A frame.
      event('FireAnimationFrame', 4001, 500), event('Layout', 4600, 100),
    ];
    expect(instrumentationCpu(tasks, events)).toEqual({ protocolMs: 2, transferSizeMs: 0.07, transferSizeTasks: 2 });
  });

  it('reads a task only up to its end: what follows it belongs to the next task', () => {
    const tasks = [task(0, 40), task(50, 300)];
    const events = [...tasks, event('Receive mojo message', 2, 20, 'blink.mojom.ResourceLoadInfoNotifier'), event('FunctionCall', 60, 200)];
    expect(instrumentationCpu(tasks, events).transferSizeTasks).toBe(1);
  });
});
