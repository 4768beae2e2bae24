/**
 * Reads a PaperMemory export ("Download memory"): an object keyed by PaperMemory id
 * (`Arxiv-1703.10593`, old-style `Arxiv-hep-th_9901001`) plus metadata keys starting with `__`.
 * Papers PaperMemory matched to a venue may be keyed by that venue; their PDF link still names
 * the arXiv id. Papers that are not on arXiv are skipped, with the reason.
 */
import { parseArxivId } from '../shared/ids';
import { normaliseTag, sameTag } from '../shared/model';
import type { PartialPaper } from '../shared/records';
import { batchOf } from '../db/import';
import { ImportError, type ImportPlan, type Skipped } from './plan';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown) => (typeof x === 'string' ? x.replace(/\s+/g, ' ').trim() : '');
const time = (x: unknown) => {
  const t = typeof x === 'string' ? Date.parse(x) : NaN;
  return Number.isFinite(t) && t >= 0 ? t : undefined;
};

/** The fields read from a PaperMemory record, and what each must be. */
const FIELDS = {
  title: 'text',
  author: 'text',
  pdfLink: 'text',
  doi: 'text',
  note: 'text',
  addDate: 'text',
  lastOpenDate: 'text',
  tags: 'list of text',
} as const;

/** Fields of the wrong type are left out, and said so: the preview lists them with the skipped entries. */
function wrongTypes(raw: Record<string, unknown>, entry: string): Skipped[] {
  return Object.entries(FIELDS).flatMap(([name, kind]): Skipped[] => {
    const x = raw[name];
    if (x === undefined || x === null) return [];
    if (kind === 'text')
      return typeof x === 'string' ? [] : [{ entry, reason: `its "${name}" is not text, so it is left out` }];
    if (!Array.isArray(x)) return [{ entry, reason: `its "${name}" is not a list of text, so it is left out` }];
    const odd = x.filter((t: unknown) => typeof t !== 'string').length;
    return odd ? [{ entry, reason: `${odd} of its "${name}" ${odd === 1 ? 'is' : 'are'} not text, so left out` }] : [];
  });
}

export function isPaperMemory(json: unknown): boolean {
  if (!isObject(json)) return false;
  if ('__dataVersion' in json) return true;
  const values = Object.values(json).filter(isObject);
  return values.length > 0 && values.every((p) => 'pdfLink' in p && 'author' in p);
}

export function readPaperMemory(json: unknown): ImportPlan {
  if (!isObject(json)) throw new ImportError('This is not a PaperMemory export.');
  const partial: PartialPaper[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  for (const [key, raw] of Object.entries(json)) {
    if (key.startsWith('__')) continue;
    const entry = `entry ${JSON.stringify(key.slice(0, 80))}`;
    if (!isObject(raw)) {
      skipped.push({ entry, reason: 'not a paper record' });
      continue;
    }
    const fromKey = /^Arxiv-(.+)$/i.exec(key)?.[1]?.replace('_', '/');
    const id = (fromKey ? parseArxivId(fromKey) : null) ?? parseArxivId(str(raw.pdfLink));
    if (!id) {
      skipped.push({ entry, reason: `not an arXiv paper (source ${JSON.stringify(str(raw.source) || 'unknown')})` });
      continue;
    }
    if (seen.has(id.id)) {
      skipped.push({ entry, reason: `same arXiv paper (${id.id}) as ${seen.get(id.id)}` });
      continue;
    }
    seen.set(id.id, entry);
    skipped.push(...wrongTypes(raw, entry));
    const authors = str(raw.author)
      .split(/\s+and\s+/)
      .map((a) => a.trim())
      .filter(Boolean);
    const doi = str(raw.doi);
    const added = time(raw.addDate);
    const opened = time(raw.lastOpenDate);
    const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, 20_000) : '';
    const tags: string[] = [];
    for (const t of Array.isArray(raw.tags) ? raw.tags : []) {
      const name = typeof t === 'string' ? normaliseTag(t) : '';
      if (name && !tags.some((x) => sameTag(x, name))) tags.push(name);
    }
    partial.push({
      id: id.id,
      ...(str(raw.title) ? { title: str(raw.title) } : {}),
      ...(authors.length ? { authors } : {}),
      ...(doi ? { doi } : {}),
      ...(added !== undefined ? { firstSeenAt: added } : {}),
      ...(opened !== undefined ? { openedAt: opened } : {}),
      ...(note ? { note } : {}),
      ...(tags.length ? { tags: tags.slice(0, 200) } : {}),
    });
  }
  return { kind: 'PaperMemory export', batch: batchOf('import:papermemory', { partial }), skipped };
}
