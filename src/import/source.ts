/** An import file's bytes: gzip recognised by its magic number, read as a stream with its progress. */
import { ImportError } from './plan';

/** What an import reads: a File in the page and its worker, a Blob with a name in tests. */
export type ImportFile = Blob & { name: string };

/** Foreign formats are parsed whole; our own backup streams and has no limit. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** The file's content (decompressed when gzip); `onBytes` hears how many of the file's bytes were read. */
export function contentStream(file: Blob, gzip: boolean, onBytes?: (read: number) => void): ReadableStream<Uint8Array> {
  let read = 0;
  let bytes: ReadableStream<Uint8Array> = file.stream();
  if (onBytes) {
    bytes = bytes.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          read += chunk.byteLength;
          onBytes(read);
          out.enqueue(chunk);
        },
      }),
    );
  }
  return gzip
    ? bytes.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    : bytes;
}

/** The stream's text (the DOM typings' BufferSource input does not take a Uint8Array stream as such). */
export const decoded = (bytes: ReadableStream<Uint8Array>): ReadableStream<string> =>
  bytes.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>);

/** The whole text of a foreign-format file, refused past MAX_IMPORT_BYTES (decompressed size too). */
export async function wholeText(file: ImportFile, gzip: boolean): Promise<string> {
  const tooBig = (size: string) =>
    new ImportError(
      `${file.name} is ${size}; Papershelf imports files up to ${mb(MAX_IMPORT_BYTES)}, except its own backups, which have no limit. A BibTeX file of 50,000 entries is about 25 MB.`,
    );
  if (!gzip && file.size > MAX_IMPORT_BYTES) throw tooBig(mb(file.size));
  const reader = contentStream(file, gzip).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > MAX_IMPORT_BYTES) {
      await reader.cancel();
      throw tooBig(`over ${mb(MAX_IMPORT_BYTES)} once decompressed`);
    }
    chunks.push(r.value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}
