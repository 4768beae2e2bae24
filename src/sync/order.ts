/**
 * A paper's place in a list, as a fractional index: a string that sorts between its neighbours
 * (fractional-indexing, rocicorp's small, dependency-free implementation of the scheme Figma and
 * Linear use). Moving one paper writes one position, so a move on each of two devices never
 * rewrites the other papers' places, as integer positions (renumbering) would. Two devices that
 * insert between the same neighbours at once can draw the same string; the view then orders those
 * papers by id, so every device still shows one order.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

const SHAPE = /^[A-Za-z][0-9A-Za-z]{0,199}$/;

/** A position between `before` and `after` (either absent at an end of the list). */
export function positionBetween(before: string | undefined, after: string | undefined): string {
  return generateKeyBetween(before ?? null, after ?? null);
}

/** `n` ascending positions for a list laid out afresh (a list's first sync, integer positions). */
export function positionsFor(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/** A position another device wrote is one the library can place papers around later. */
export function isPosition(text: string): boolean {
  if (!SHAPE.test(text)) return false;
  try {
    generateKeyBetween(text, null);
    return true;
  } catch {
    return false;
  }
}
