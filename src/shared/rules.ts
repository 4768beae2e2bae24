/**
 * Keyword rules: "tag ← words or phrases", matched in a paper's title and abstract, case- and
 * plural-insensitive. The worker turns matches into suggested tags.
 */
import type { TagRule } from './model';

/** A word as rules compare it: lower-case, accents folded, a plural's "s" / "ies" / "es" dropped. */
export function stem(word: string): string {
  // Most words are plain ASCII already: folding accents is the slow part, so only for the rest.
  const w = /^[a-z0-9]*$/.test(word)
    ? word
    : word
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const tokens = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);

/** Whether `phrase` occurs in `words` as consecutive words. */
function contains(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

export interface Suggestion {
  tag: string;
  /** The rule's words that matched, to say why. */
  why: string[];
}

/** The tags the rules suggest for a paper, leaving out tags it has and suggestions dismissed. */
export function suggestByRules(
  rules: readonly TagRule[],
  paper: {
    title: string;
    abstract?: string | undefined;
    tags?: string[] | undefined;
    dismissed?: string[] | undefined;
  },
): Suggestion[] {
  if (rules.length === 0) return [];
  const words = tokens(`${paper.title} ${paper.abstract ?? ''}`);
  const taken = new Set([...(paper.tags ?? []), ...(paper.dismissed ?? [])].map((t) => t.toLowerCase()));
  const out: Suggestion[] = [];
  for (const rule of rules) {
    if (taken.has(rule.tag.toLowerCase())) continue;
    const why = rule.phrases.filter((p) => contains(words, tokens(p)));
    if (why.length) {
      out.push({ tag: rule.tag, why });
      taken.add(rule.tag.toLowerCase());
    }
  }
  return out;
}

/** Parses the options page's rules box: one rule a line, "tag: word, a phrase, another". */
export function parseRules(text: string): { rules: TagRule[]; errors: string[] } {
  const rules: TagRule[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([^:]+):(.*)$/.exec(line);
    const tag = m?.[1]!.replace(/[\s,]+/g, ' ').trim() ?? '';
    const phrases = (m?.[2] ?? '')
      .split(',')
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    if (!m || !tag || tag.length > 60 || phrases.length === 0) {
      errors.push(
        `Line ${i + 1}: write "tag: word, a phrase" (a tag, a colon, then words or phrases separated by commas).`,
      );
      return;
    }
    rules.push({ tag, phrases: phrases.slice(0, 50).map((p) => p.slice(0, 100)) });
  });
  return { rules, errors };
}

export function formatRules(rules: readonly TagRule[]): string {
  return rules.map((r) => `${r.tag}: ${r.phrases.join(', ')}`).join('\n');
}
