// Joins a stream's chunks into batches for the page (stream-worker.ts). Neighbouring chunks of the
// same kind that carry only a text `delta` (content, and reasoning when a provider sends it) are
// joined into one: the text and the order of everything else stay exactly what the adapter
// yielded. Any other chunk (tool_call, usage, done, kinds added later) is passed on untouched.
import type { StreamChunk } from '../types';

/** Only `type` and a string `delta`: counted without building a key array (called per chunk, B2). */
function isPlainDelta(chunk: StreamChunk): boolean {
  if (typeof (chunk as { delta?: unknown }).delta !== 'string') return false;
  let keys = 0;
  for (const key in chunk) if (Object.hasOwn(chunk, key)) keys += 1;
  return keys === 2;
}

export interface ChunkBatch {
  add(chunk: StreamChunk): void;
  /** The chunks added since the last take, joined; empty when there were none. */
  take(): StreamChunk[];
  readonly size: number;
}

export function createChunkBatch(): ChunkBatch {
  let chunks: StreamChunk[] = [];
  /** The texts of the plain deltas at the end, joined only once the run ends (no string per step). */
  let run: { type: StreamChunk['type']; texts: string[] } | null = null;
  const closeRun = (): void => {
    if (run === null) return;
    chunks.push({ type: run.type, delta: run.texts.length === 1 ? run.texts[0] : run.texts.join('') } as StreamChunk);
    run = null;
  };
  return {
    add(chunk) {
      if (!isPlainDelta(chunk)) {
        closeRun();
        chunks.push(chunk);
        return;
      }
      const text = (chunk as { delta: string }).delta;
      if (run !== null && run.type === chunk.type) {
        run.texts.push(text);
        return;
      }
      closeRun();
      run = { type: chunk.type, texts: [text] };
    },
    take() {
      closeRun();
      const taken = chunks;
      chunks = [];
      return taken;
    },
    get size() {
      return chunks.length + (run === null ? 0 : 1);
    },
  };
}
