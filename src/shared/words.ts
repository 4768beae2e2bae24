/**
 * The words a paper is found by: lower-case, accents folded, letters and digits only. The same
 * function splits what is stored and what is searched, so they always meet.
 */
export function wordsIn(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length >= 2 || /\d/.test(w));
}

/** Distinct words of all the given texts, capped so one huge abstract cannot bloat the index. */
export function wordSet(texts: (string | undefined)[], max = 600): string[] {
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
