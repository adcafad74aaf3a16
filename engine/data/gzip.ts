/**
 * Gzip detection and decompression with the web-standard DecompressionStream, which Node 20, browsers and Web
 * Workers all provide, so the engine needs no zlib binding.
 */
import { DataError } from './data-error.ts';

/** Gzip streams start with the magic bytes 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    // Blob takes views of plain ArrayBuffers only (the type says so); file bytes always are one.
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new DataError(`not a valid gzip stream (${(error as Error).message})`, { file });
  }
}

/** The bytes themselves, or their decompressed content when they start with the gzip magic. */
export async function gunzipIfCompressed(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(bytes, file) : bytes;
}
