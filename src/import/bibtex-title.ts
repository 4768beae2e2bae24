/**
 * Titles from BibTeX as Papershelf stores them: the TeX source as arXiv pages give it. Inline math
 * stays `$…$` as written (the parser would turn `$\gamma^*$` into `γ<sup>*</sup>`); the text
 * around it becomes Unicode (`{\"o}` → ö, `\&` → &, case-protecting braces dropped) and carries
 * no HTML. The parser reads titles verbatim, then all titles go through it once more with the math
 * and the literal < and > held out, so the only tags left are its own markup, which is removed.
 */
import { parse } from '@retorquere/bibtex-parser';
import { splitMath } from '../shared/tex-math';

// Private-use characters (plane 15) survive the parser; plane 0's are dropped by it.
const LT = '\u{F0000}';
const GT = '\u{F0001}';
const MATH_OPEN = '\u{F0002}';
const MATH_CLOSE = '\u{F0003}';
const OURS = /[\u{F0000}-\u{F0003}]/gu;
const HELD = /\u{F0002}(\d+)\u{F0003}/gu;

/** A raw title with its math and literal angle brackets held out, and the math to put back. */
function holdOut(raw: string, math: string[]): string {
  return splitMath(raw.replace(OURS, ''))
    .map((p) => {
      if (p.math) return `${MATH_OPEN}${math.push(p.text) - 1}${MATH_CLOSE}`;
      return p.text
        .replace(/\\textless(?:\{\}|\s+|(?![a-zA-Z]))/g, LT)
        .replace(/\\textgreater(?:\{\}|\s+|(?![a-zA-Z]))/g, GT)
        .replace(/</g, LT)
        .replace(/>/g, GT);
    })
    .join('');
}

/** Papershelf's BibTeX writes a brace in text as `$\lbrace$`: it reads back as the brace. */
const literalBrace = (tex: string) => (tex === '\\lbrace' ? '{' : tex === '\\rbrace' ? '}' : `$${tex}$`);

/** Converts raw (verbatim) BibTeX titles, in one parse; a title that cannot be read is ''. */
export function texTitles(raws: string[]): string[] {
  const math: string[][] = raws.map(() => []);
  const bib = raws.map((raw, i) => `@misc{t${i}, title = {${holdOut(raw, math[i]!)}}}`).join('\n');
  const converted = new Map<string, string>();
  for (const e of parse(bib, { sentenceCase: false }).entries) {
    const title = typeof e.fields.title === 'string' ? e.fields.title : '';
    converted.set(e.key, title);
  }
  return raws.map((_, i) => {
    const title = converted.get(`t${i}`) ?? '';
    return title
      .replace(/<[^>]*>/g, '')
      .replaceAll(LT, '<')
      .replaceAll(GT, '>')
      .replace(HELD, (_m, n: string) => literalBrace(math[i]![Number(n)]!))
      .replace(/\s+/g, ' ')
      .trim();
  });
}
