// Joins a stream's chunks into batches for the page (stream-worker.ts). Neighbouring chunks of the
// same kind that carry only a text `delta` (content, and reasoning when a provider sends it) are
// joined into one: the text and the order of everything else stay exactly what the adapter
// yielded. Any other chunk (tool_call, usage, done, kinds added later) is passed on untouched.
import type { StreamChunk } from '../types';

type DeltaChunk = StreamChunk & { delta: string };

function isPlainDelta(chunk: StreamChunk): chunk is DeltaChunk {
  const keys = Object.keys(chunk);
  return keys.length === 2 && 'delta' in chunk && typeof chunk.delta === 'string';
}

export interface ChunkBatch {
  add(chunk: StreamChunk): void;
  /** The chunks added since the last take, joined; empty when there were none. */
  take(): StreamChunk[];
  readonly size: number;
}

export function createChunkBatch(): ChunkBatch {
  let chunks: StreamChunk[] = [];
  return {
    add(chunk) {
      const last = chunks[chunks.length - 1];
      if (last !== undefined && isPlainDelta(last) && isPlainDelta(chunk) && last.type === chunk.type) {
        chunks[chunks.length - 1] = { ...last, delta: last.delta + chunk.delta } as StreamChunk;
      } else {
        chunks.push(chunk);
      }
    },
    take() {
      const taken = chunks;
      chunks = [];
      return taken;
    },
    get size() {
      return chunks.length;
    },
  };
}
