/**
 * Whether the HTML parser has gone past an element: it inserts nodes in document order, so any
 * node after the element (after it or after one of its ancestors) means its end tag was read.
 * Until then a card may hold half its title.
 */
export function parsedPast(element: Element): boolean {
  for (let node: Node | null = element; node; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}
