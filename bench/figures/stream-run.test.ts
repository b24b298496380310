import { describe, expect, it } from 'vitest';
import { analyseStreamTrace, type TraceEvent } from '../lib/trace';
import { traceProblem } from './stream-run';

const PAGE = { pid: 1, tid: 10 };
const event = (name: string, ts: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ name, cat: 'devtools.timeline', ph: 'X', ts, dur: 100, ...PAGE, ...extra });
const mark = (name: string, ts: number): TraceEvent => event(name, ts, { cat: 'blink.user_timing', ph: 'R', dur: 0 });
const request = { data: { url: 'http://127.0.0.1/v1/chat/completions', requestId: 'r1' } };

/** A stream as the trace holds it: the request, two network chunks, the probe's marks of the reply's changes, and paints. */
function streamTrace(withMarks: boolean): TraceEvent[] {
  return [
    event('ResourceSendRequest', 1_000, { args: request }),
    event('ResourceReceivedData', 2_000, { args: request }),
    event('RunTask', 2_100, { dur: 500, tdur: 400 }),
    ...(withMarks ? [mark('bench:mutation:1', 2_200), mark('bench:text', 2_200)] : []),
    event('Paint', 2_700),
    event('ResourceReceivedData', 3_000, { args: request }),
    ...(withMarks ? [mark('bench:mutation:2', 3_100)] : []),
    event('Paint', 3_400),
  ];
}

describe('a stream trace', () => {
  it('is read when it holds the chat request, the marks of the reply and a paint after its last change', () => {
    const figures = analyseStreamTrace(streamTrace(true), '/chat/completions', 10);
    expect(traceProblem(figures)).toBeNull();
    expect(figures.lastByteToPaintMs).toBeCloseTo(0.5);
  });

  it('without the probe\'s marks is refused, not read as a stream that cost nothing', () => {
    const figures = analyseStreamTrace(streamTrace(false), '/chat/completions', 10);
    expect(figures.mainCpuMs).toBe(0);
    expect(traceProblem(figures)).toMatch(/no mark of the reply/);
  });

  it('without the chat request is refused', () => {
    const figures = analyseStreamTrace(streamTrace(true).filter((entry) => !entry.name.startsWith('Resource')), '/chat/completions', 10);
    expect(traceProblem(figures)).toMatch(/no network chunk/);
  });
});
