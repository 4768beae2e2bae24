/**
 * A paper's text as the tag model sees it: stemmed words of title and abstract with their counts.
 * Same words as search (`wordsIn`) and same plural folding as the keyword rules (`stem`), so a
 * tag learnt from "autoencoders" also knows "autoencoder".
 */
import { stem } from '../shared/rules';
import { wordsIn } from '../shared/words';

export type TermCounts = Map<string, number>;

export interface PaperText {
  title: string;
  abstract?: string | undefined;
}

/**
 * A title word counts as this many abstract words: titles are short and say what a paper is
 * about, abstracts pad with generic method talk. Measured on the seed (see evaluate): 2 beat 1 and 3.
 */
export const TITLE_WEIGHT = 2;

export function termsOf(paper: PaperText, titleWeight = TITLE_WEIGHT): TermCounts {
  const counts: TermCounts = new Map();
  const add = (text: string | undefined, weight: number) => {
    for (const word of wordsIn(text ?? '')) {
      const term = stem(word);
      counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  };
  add(paper.title, titleWeight);
  add(paper.abstract, 1);
  return counts;
}

/** For each stem, the word as the paper first wrote it, so explanations read as words. */
export function surfaceForms(paper: PaperText): Map<string, string> {
  const forms = new Map<string, string>();
  for (const word of wordsIn(`${paper.title} ${paper.abstract ?? ''}`)) {
    const term = stem(word);
    if (!forms.has(term)) forms.set(term, word);
  }
  return forms;
}
