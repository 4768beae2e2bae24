/**
 * arXiv titles are TeX source: `The $\Phi$-derivable approach`. Writers keep the inline math as
 * math and escape only the text around it; the BibTeX reader keeps it as it was written. A `$`
 * after a backslash is a literal dollar, `$$` (display math) is never read as math, and a span
 * that TeX or BibTeX could not read (unbalanced braces, `%`, `#`, `&`) is left as text, so a
 * writer escapes it like any other text.
 */
export interface Piece {
  math: boolean;
  /** The math's TeX without its dollars, or the text. */
  text: string;
}

/** Braces balanced both as BibTeX counts them (every brace) and as TeX does (unescaped ones). */
function balanced(tex: string): boolean {
  let all = 0;
  let unescaped = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      const next = tex[i + 1];
      if (next === '{') all++;
      else if (next === '}') all--;
      else if (next === '%' || next === '#' || next === '&') {
        i++;
        continue;
      }
      if (all < 0) return false;
      i++;
      continue;
    }
    if (c === '%' || c === '#' || c === '&') return false;
    if (c === '{') {
      all++;
      unescaped++;
    } else if (c === '}') {
      all--;
      unescaped--;
    }
    if (all < 0 || unescaped < 0) return false;
  }
  return all === 0 && unescaped === 0;
}

/** Text and inline math, in order. Text without a `$` is one piece (the common, fast case). */
export function splitMath(text: string): Piece[] {
  if (!text.includes('$')) return [{ math: false, text }];
  const pieces: Piece[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '$' && text[i + 1] !== '$') {
      const end = closingDollar(text, i + 1);
      const tex = end > 0 ? text.slice(i + 1, end) : '';
      if (end > 0 && tex.trim() !== '' && balanced(tex)) {
        if (plain) pieces.push({ math: false, text: plain });
        pieces.push({ math: true, text: tex });
        plain = '';
        i = end + 1;
        continue;
      }
    }
    if (c === '$' && text[i + 1] === '$') {
      plain += '$$';
      i += 2;
      continue;
    }
    plain += c;
    i++;
  }
  if (plain) pieces.push({ math: false, text: plain });
  return pieces;
}

/** Index of the `$` that closes math opened before `from`, or -1. */
function closingDollar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$') return text[i + 1] === '$' ? -1 : i;
  }
  return -1;
}
