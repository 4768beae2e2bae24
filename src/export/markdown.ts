/** A Markdown reading list: grouped, linked, `- [x]` for read papers, notes as quotes. */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { paperDate } from './paper-date';
import { foldSpaces } from './text';

/** Keeps titles and names from being read as Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return foldSpaces(text).replace(/([\\`*_{}[\]()<>#+!|~-])/g, '\\$1');
}

export interface MarkdownGroup {
  heading: string;
  papers: Paper[];
}

function line(p: Paper): string {
  const year = paperDate(p)?.year;
  const who = p.authors.length ? ` — ${escapeMarkdown(p.authors.length > 3 ? `${p.authors.slice(0, 3).join(', ')} et al.` : p.authors.join(', '))}` : '';
  const out = [`- [${p.readAt !== undefined ? 'x' : ' '}] [${escapeMarkdown(p.title || p.id)}](${arxivAbsUrl(p.id)})${who}${year ? ` (${year})` : ''}`];
  const tags = p.tags?.length ? ` ${p.tags.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')}` : '';
  out[0] += tags;
  const note = p.note?.trim();
  if (note) for (const l of note.split(/\r?\n/)) out.push(`  > ${escapeMarkdown(l)}`);
  return out.join('\n');
}

/**
 * Formats each paper's line once, however many sections it is under (its queue, its lists, each
 * of its tags); a reader may fill it as the papers arrive.
 */
export function lineCache(): (p: Paper) => string {
  const lines = new Map<Paper, string>();
  return (p) => {
    let l = lines.get(p);
    if (l === undefined) lines.set(p, (l = line(p)));
    return l;
  };
}

export function toMarkdown(title: string, groups: MarkdownGroup[], lineOf = lineCache()): string {
  const parts = [`# ${escapeMarkdown(title)}`];
  for (const g of groups) {
    if (g.papers.length === 0) continue;
    parts.push(`## ${escapeMarkdown(g.heading)} (${g.papers.length})`, g.papers.map(lineOf).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
