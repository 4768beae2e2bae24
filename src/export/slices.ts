/**
 * A format that can be written a slice of papers at a time: the text before the first paper, the
 * papers of one slice, what goes between slices, and the text after the last paper. Whole or in
 * slices, the file is the same (`writeWhole` is the one-slice case), so a long export can format
 * and save one slice while IndexedDB still reads the next.
 */
import type { Paper } from '../shared/model';

export interface SliceWriter {
  open: string;
  /** The papers of one slice; never called with none. */
  write(papers: Paper[]): string;
  /** Between two papers, and so between two slices. */
  separator: string;
  close: string;
  /** The whole file when there is no paper (default: open + close). */
  empty?: string;
}

export function writeWhole(writer: SliceWriter, papers: Paper[]): string {
  if (!papers.length) return writer.empty ?? writer.open + writer.close;
  return writer.open + writer.write(papers) + writer.close;
}
