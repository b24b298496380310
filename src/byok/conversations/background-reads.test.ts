import { describe, expect, it } from 'vitest';
import { holdBackgroundReads, untilForegroundDone } from './background-reads';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('background reads', () => {
  it('go on at once when nothing holds them', async () => {
    expect(await settled(untilForegroundDone())).toBe(true);
  });

  it('wait until every hold is released, and a release counts once', async () => {
    const first = holdBackgroundReads();
    const second = holdBackgroundReads();
    const waiting = untilForegroundDone();
    first();
    first();
    expect(await settled(waiting)).toBe(false);
    second();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(untilForegroundDone())).toBe(true);
  });
});
