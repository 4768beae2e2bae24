/**
 * The words a paper is found by: lower-case, accents folded, letters and digits only, at least
 * three characters (or holding a digit), common English words left out. The same function splits
 * what is stored and what is searched, so they always meet. Fewer, better words keep the search
 * index small: every write of a paper rewrites its index entries.
 */
const STOPWORDS = new Set(
  'the and for with that this from are was were been has have had not but can its our their they them these those which what when where who whom how why than then there here into onto over under about above below between through during before after also such each more most other some any all both few only own same very just use used using via per based show shows shown new one two three we you your his her she him itself themselves may might will would should could does did doing done being able across upon while within without yet'.split(
    ' ',
  ),
);

export function wordsIn(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOPWORDS.has(w));
}

/** Distinct words of all the given texts, capped so one huge abstract cannot bloat the index. */
export function wordSet(texts: (string | undefined)[], max = 250): string[] {
  const set = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const w of wordsIn(t)) {
      set.add(w.slice(0, 40));
      if (set.size >= max) return [...set];
    }
  }
  return [...set];
}
