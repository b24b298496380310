// Main-thread tasks that run only because the bench drives the page through DevTools, found in the
// trace so that their CPU time can be reported and subtracted like the probe's (performance.md B2:
// the page's own cost, not the harness's). Two kinds:
//
// - DevTools protocol commands: the harness's page.evaluate calls (waitForStreamEnd polls the page
//   every 100 ms). Each arrives as a `blink.mojom.DevToolsSession` message and runs in a task of its
//   own; the whole task is the harness's.
// - Transfer-size notices: with DevTools' network domain on (Playwright always enables it, for pages
//   and workers), the network service tells the loader how many bytes came in, on every read.
//   Chromium sends that IPC only while DevTools is attached (the `ReduceTransferSizeUpdatedIPC`
//   feature, on by default: "only when DevTools is attached or the request is for an ad"). For a
//   fetch in a dedicated worker each notice is forwarded to the page's main thread
//   (`blink.mojom.ResourceLoadInfoNotifier`), one task per read, 1,000–3,000 per full-speed reply; for
//   a fetch on the main thread it is a `network.mojom.URLLoaderClient` message. Only tasks that do
//   nothing else (no script, no style, no layout) are counted, so a task that delivers the response
//   or its end to script is never taken for one. The page's own one-per-request notices (load
//   completed) have the same shape and are counted with them: a few microseconds.
import type { TraceEvent } from './trace';

const PROTOCOL_INTERFACES = new Set(['blink.mojom.DevToolsSession', 'blink.mojom.DevToolsAgent']);
const TRANSFER_SIZE_INTERFACES = new Set(['blink.mojom.ResourceLoadInfoNotifier', 'network.mojom.URLLoaderClient']);

/** Events a task that only dispatches one IPC message is made of (the scheduler's and mojo's own). */
const IPC_ONLY_EVENTS = new Set([
  'RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'Receive mojo message',
  'SimpleWatcher::OnHandleReady', 'Connector::DispatchMessage', 'mojo::Message::Message', 'ChannelAssociatedGroupController::AcceptOnEndpointThread',
]);

type MojoEvent = TraceEvent & { args?: { chrome_mojo_event_info?: { mojo_interface_tag?: string } } };

export interface InstrumentationCpu {
  /** The harness's DevTools protocol commands, ms of CPU. */
  protocolMs: number;
  /** Transfer-size notices sent only while DevTools is attached, ms of CPU. */
  transferSizeMs: number;
  transferSizeTasks: number;
}

/** `tasks`: the main thread's RunTasks being measured; `threadEvents`: all of that thread's events. */
export function instrumentationCpu(tasks: readonly TraceEvent[], threadEvents: readonly TraceEvent[]): InstrumentationCpu {
  const inside = threadEvents.filter((event) => event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts);
  const result: InstrumentationCpu = { protocolMs: 0, transferSizeMs: 0, transferSizeTasks: 0 };
  let next = 0;
  for (const task of sorted) {
    const end = task.ts + (task.dur ?? 0);
    while (next < inside.length && (inside[next] as TraceEvent).ts < task.ts) next += 1;
    let protocol = false;
    let transferSize = false;
    let ipcOnly = true;
    for (let index = next; index < inside.length && (inside[index] as TraceEvent).ts <= end; index += 1) {
      const event = inside[index] as MojoEvent;
      if (event === task) continue;
      if (!IPC_ONLY_EVENTS.has(event.name)) ipcOnly = false;
      if (event.name !== 'Receive mojo message') continue;
      const tag = event.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '';
      if (PROTOCOL_INTERFACES.has(tag)) protocol = true;
      if (TRANSFER_SIZE_INTERFACES.has(tag)) transferSize = true;
    }
    const cpu = (task.tdur ?? task.dur ?? 0) / 1000;
    if (protocol) {
      result.protocolMs += cpu;
    } else if (transferSize && ipcOnly) {
      result.transferSizeMs += cpu;
      result.transferSizeTasks += 1;
    }
  }
  return result;
}
