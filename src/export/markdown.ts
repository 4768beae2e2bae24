/**
 * A Markdown reading list: grouped, linked, `- [x]` for read papers, notes as quotes. Read by
 * pandoc's default reader as well as CommonMark/GitHub: every character either reads as markup
 * (`&` starts an entity, `$` math, `@` a citation, `^` `~` super- and subscripts) is escaped,
 * except inside a title's inline math, which pandoc typesets as it is.
 */
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { splitMath } from '../shared/tex-math';
import { paperDate } from './paper-date';
import { foldSpaces } from './text';

const MARKUP = /([\\`*_{}[\]()<>#+!|~^$@&-])/g;

/**
 * Math pandoc reads back as the same math: no space just inside the dollars, no digit right after
 * the closing one, and brackets balanced (the math may be inside a link's text).
 */
function keepsAsMath(tex: string, after: string | undefined): boolean {
  if (/^\s|\s$/.test(tex) || (after !== undefined && /^\d/.test(after))) return false;
  let depth = 0;
  for (const c of tex) {
    if (c === '[') depth++;
    else if (c === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Keeps titles, names and notes from being read as Markdown or HTML; inline math stays math. */
export function escapeMarkdown(text: string): string {
  const folded = foldSpaces(text);
  if (!folded.includes('$')) return folded.replace(MARKUP, '\\$1');
  const pieces = splitMath(folded);
  return pieces
    .map((p, i) => {
      if (!p.math) return p.text.replace(MARKUP, '\\$1');
      const tex = `$${p.text}$`;
      return keepsAsMath(p.text, pieces[i + 1]?.text) ? tex : tex.replace(MARKUP, '\\$1');
    })
    .join('');
}

/**
 * A note as a quote inside its list item: after a blank line (without it pandoc folds the quote
 * into the item's text), indented to the item's text, each line break kept as a hard break.
 */
function quote(note: string): string {
  const lines = note.split(/\r?\n/).map((l) => l.trim());
  return lines
    .map((l, i) => {
      if (l === '') return '  >';
      const next = lines[i + 1];
      return `  > ${escapeMarkdown(l)}${next !== undefined && next !== '' ? '\\' : ''}`;
    })
    .join('\n');
}

export interface MarkdownGroup {
  heading: string;
  papers: Paper[];
}

function line(p: Paper): string {
  const year = paperDate(p)?.year;
  const who = p.authors.length
    ? ` — ${escapeMarkdown(p.authors.length > 3 ? `${p.authors.slice(0, 3).join(', ')} et al.` : p.authors.join(', '))}`
    : '';
  const out = [
    `- [${p.readAt !== undefined ? 'x' : ' '}] [${escapeMarkdown(p.title || p.id)}](${arxivAbsUrl(p.id)})${who}${year ? ` (${year})` : ''}`,
  ];
  const tags = p.tags?.length ? ` ${p.tags.map((t) => `\`${t.replace(/`/g, '')}\``).join(' ')}` : '';
  out[0] += tags;
  const note = p.note?.trim();
  if (note) out.push('', quote(note));
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
