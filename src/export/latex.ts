/**
 * Text for BibTeX fields, read by bibtex (plain.bst), biber + biblatex, pandoc and the
 * JavaScript and Python parsers alike. Inline math stays math (arXiv titles are TeX); the text
 * around it is escaped. Braces in text become `$\lbrace$` and `$\rbrace$`, never `\{`: BibTeX
 * counts every brace, escaped or not, so one stray `}` would end the field; pandoc drops
 * `\textbraceleft{}`, and reads the math as a brace.
 * In titles `--` is written `-{}-`, so a title's literal hyphens stay hyphens; in names it is left
 * as it is, because `Boitard-{}-Crépeau` makes biber write a brace group that stops pdflatex.
 */
import { splitMath } from '../shared/tex-math';
import { foldSpaces } from './text';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '$\\lbrace$',
  '}': '$\\rbrace$',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding < and > print as ¡ and ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/**
 * Most text has nothing to escape: one test skips the replace (a third of a 10,000-paper export).
 * Control characters go: bibtex-parser stops reading at a NUL, and none prints.
 */
/* eslint-disable no-control-regex -- these find the control characters to drop */
const NEEDS_ESCAPE = /[\\{}$&%#_~^<>\0-\x1f\x7f]/;
const SPECIAL = /[\\{}$&%#_~^<>\0-\x1f\x7f]/g;
/* eslint-enable no-control-regex */
const escapeChar = (c: string) => SPECIALS[c] ?? '';

/** Escapes LaTeX's special characters, math included; folds line breaks, which end a field early in some tools. */
export function escapeText(text: string): string {
  const folded = foldSpaces(text);
  return NEEDS_ESCAPE.test(folded) ? folded.replace(SPECIAL, escapeChar) : folded;
}

const mathTex = (tex: string, protect: boolean) => {
  // eslint-disable-next-line no-control-regex -- control characters are what this drops
  const clean = tex.replace(/[\0-\x1f\x7f]/g, '');
  return protect ? `{$${clean}$}` : `$${clean}$`;
};

/** Escapes text, keeping inline math as math (braced when `protect`, so no style changes its case). */
export function escapeTex(text: string, protect = false): string {
  const folded = foldSpaces(text);
  if (!NEEDS_ESCAPE.test(folded) && !folded.includes('--')) return folded;
  return splitMath(folded)
    .map((p) => (p.math ? mathTex(p.text, protect) : p.text.replace(SPECIAL, escapeChar).replace(/-(?=-)/g, '-{}')))
    .join('');
}

/**
 * A quick filter for the titles (most) with no word `keepsCase` would brace: a capital followed
 * within its word by another capital, a digit or a hyphen, or a capital after one of those.
 */
const MAY_NEED_BRACES = /\p{Lu}[\p{L}\p{N}]*[\p{Lu}\p{N}-]|[\p{L}\p{N}-]\p{Lu}/u;

/**
 * Words whose capitals a bibliography style must not lower: two capitals (BERT, LLMs), a capital
 * after lower-case letters (fLoRA), a capital with a digit (T5, 3D), or a hyphenated word with a
 * one-letter capital part (U-Net, X-ray). `Low-Rank` is title case and left to the style.
 */
function keepsCase(word: string): boolean {
  const parts = word.split('-');
  return parts.some(
    (part) =>
      /\p{Lu}.*\p{Lu}/u.test(part) ||
      /^\p{Ll}+\p{Lu}/u.test(part) ||
      /\p{Lu}\p{N}|\p{N}\p{Lu}/u.test(part) ||
      (parts.length > 1 && /^\p{Lu}$/u.test(part)),
  );
}

/** Escapes a title, braces its math and the words whose capitals must survive a style's case changes. */
export function protectTitle(title: string): string {
  const escaped = escapeTex(title, true);
  if (!MAY_NEED_BRACES.test(escaped)) return escaped;
  // Only text outside math and outside the commands escaping wrote (\textless{}, \$, …).
  return escaped.replace(
    /(\{\$(?:[^$\\]|\\.)*\$\})|(\\[a-zA-Z]+\{\}|\\.)|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu,
    (m, math, command) => (math || command || !keepsCase(m) ? m : `{${m}}`),
  );
}
