// security.md T34 (R14): the key lives in memory only for the request that uses it. A heap snapshot
// (after a forced GC) of the streaming worker WHILE a slow reply is in flight finds the key: that is
// the control, it shows the scan can see the key where it really is. Once the reply has ended, the
// worker's and the page's heaps hold it 0 times; after lock and the reload, the page holds it 0
// times and no worker of the old page is alive.
import { sendMessage, lastReply, chatRequests, waitForReplyEnd, composerInput } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { countOccurrences, heapSnapshotText, pageHeapTarget, watchWorkers } from './support/heap-snapshot';
import { addKey, createVault, lockVault, makeCanaryKey, unlockVault } from './support/vault-helpers';

test('T34: the key is in no heap once its request ends, nor after lock and reload (a snapshot in flight finds it)', async ({ page, mock }) => {
  test.setTimeout(120_000);
  const apiKey = makeCanaryKey('openai');
  await createVault(page);
  await addKey(page, 'openai', apiKey, mock.baseUrlFor('openai'));
  // Start from a page whose memory never saw the key typed (Playwright's fill runs in this heap too):
  // from here on the key can only come from the vault's own decryption.
  await page.reload();
  await unlockVault(page);
  await page.goto('/#/chat');
  await expect(composerInput(page)).toBeVisible();

  const workers = await watchWorkers(page);
  const pageHeap = pageHeapTarget(workers.session);

  // 80 tokens at 4 per second: about twenty seconds in flight, ample time for two snapshots.
  await sendMessage(page, 'Slow answer please [[mock:text tokens=80 tps=4]]');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'streaming');
  await expect.poll(() => chatRequests(mock)[0]?.outcome).toBe('pending');
  await expect.poll(() => workers.latest()?.title ?? null).toBe('vivim-stream');
  const streamWorker = workers.latest()!;

  // The controls: in flight, the worker that makes the request holds the key, and so does the page
  // that decrypted it for this request. This shows the scan sees the key where it really is.
  const inWorker = countOccurrences(await heapSnapshotText(streamWorker), apiKey);
  const inPage = countOccurrences(await heapSnapshotText(pageHeap), apiKey);
  expect(chatRequests(mock)[0]?.outcome, 'both snapshots were taken while the request was open').toBe('pending');
  expect(inWorker, 'the control: the key is in the worker heap while its request is open').toBeGreaterThan(0);
  expect(inPage, 'the control: the key is in the page heap while its request is open').toBeGreaterThan(0);

  await waitForReplyEnd(page);
  expect(chatRequests(mock)[0]?.outcome).toBe('completed');
  // Polled: the last references go when the stream's own cleanup has run, a moment after the end.
  // A key that is kept stays in the heap however long the poll waits.
  await expect.poll(async () => countOccurrences(await heapSnapshotText(streamWorker), apiKey), { message: 'worker heap after the reply', timeout: 15_000 }).toBe(0);
  await expect.poll(async () => countOccurrences(await heapSnapshotText(pageHeap), apiKey), { message: 'page heap after the reply', timeout: 15_000 }).toBe(0);

  await lockVault(page);
  await expect.poll(() => workers.alive().length, { message: 'no worker of the old page is left' }).toBe(0);
  expect(countOccurrences(await heapSnapshotText(pageHeap), apiKey), 'page heap after lock and reload').toBe(0);
});
