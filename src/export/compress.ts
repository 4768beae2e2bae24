/**
 * A compressed backup (`.json.gz`): the same file through the browser's gzip, several times
 * smaller on a real library (docs/backup-format.md); import recognises gzip by its first bytes
 * and reads it as a stream.
 */
export function gzipped(file: Blob): Promise<Blob> {
  const compressed = file
    .stream()
    .pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Response(compressed, { headers: { 'content-type': 'application/gzip' } }).blob();
}
