/**
 * `bytes` in pieces of `size` bytes, each copied into one buffer that the next piece overwrites,
 * as a file reader that reuses its buffer hands them over (src/site/site.ts filePieces).
 */
export function* reusedPieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let o = 0; o < bytes.length; o += size) {
    const piece = bytes.subarray(o, o + size);
    buffer.set(piece);
    yield buffer.subarray(0, piece.length);
  }
}
