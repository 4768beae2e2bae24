/** Small readers shared by the arXiv page kinds. */
import { parseArxivId, type ArxivId } from '../../shared/ids';
import { textOf } from '../types';

/** An arXiv id from a link, resolved against the page (links are relative or absolute). */
export function idFromLink(link: HTMLAnchorElement, base: URL): ArxivId | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    return parseArxivId(new URL(href, base).href);
  } catch {
    return null;
  }
}

/** The first link in `root` to an abstract page, with its id. */
export function abstractLink(root: Element, base: URL): { link: HTMLAnchorElement; id: ArxivId } | null {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href*="/abs/"]')) {
    const id = idFromLink(link, base);
    if (id) return { link, id };
  }
  return null;
}

/** Text without its leading label ("Title:", "Authors:"), which arXiv puts in a descriptor span. */
export function withoutDescriptor(el: Element | null): string {
  if (!el) return '';
  const clone = el.cloneNode(true) as Element;
  for (const d of clone.querySelectorAll('.descriptor')) d.remove();
  return textOf(clone).replace(/^(Title|Authors|Abstract):\s*/i, '');
}

/** Category codes in subject text: "Robotics (cs.RO); Machine Learning (cs.LG)" → cs.RO, cs.LG. */
export function categoriesIn(text: string): string[] {
  return [...text.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((m) => m[1]!);
}

/** Authors from the links of an author line; the links are the names. */
export function authorsIn(el: Element | null): string[] {
  if (!el) return [];
  return [...el.querySelectorAll('a')].map(textOf).filter((n) => n !== '');
}
