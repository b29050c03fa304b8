/**
 * Append-only storage for many small JSON records in a few large buffers. No record has a heap object of
 * its own, so 100 000 stored tasks cost the garbage collector nothing (one Buffer per task made it the
 * largest cost of a create under load).
 */
const chunkBytes = 16 * 1024 * 1024;

export interface ByteLog {
  append(text: string): Buffer; // a view of the stored bytes
  get(index: number): Buffer;
  readonly length: number;
}

export function byteLog(): ByteLog {
  const chunks: Buffer[] = [];
  let current = Buffer.alloc(0);
  let used = 0;
  const places: number[] = []; // chunk, start, length for each record, flat: plain numbers, nothing to trace

  return {
    append(text) {
      const length = Buffer.byteLength(text);
      if (used + length > current.length) {
        current = Buffer.allocUnsafeSlow(Math.max(chunkBytes, length));
        chunks.push(current);
        used = 0;
      }
      current.write(text, used);
      places.push(chunks.length - 1, used, length);
      used += length;
      return current.subarray(used - length, used);
    },
    get(index) {
      const at = index * 3;
      const chunk = chunks[places[at]!]!;
      return chunk.subarray(places[at + 1]!, places[at + 1]! + places[at + 2]!);
    },
    get length() {
      return places.length / 3;
    },
  };
}
