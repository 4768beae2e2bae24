/**
 * Runs axe-core (WCAG 2.2 A/AA and best practices) in a page and reports the violations in Papershelf's own
 * elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  rule: string;
  impact: string | null;
  /** axe's selector path; a node in a shadow root is [host, …, node]. */
  target: string[];
  summary: string;
}

/**
 * `ours` decides which nodes count: on a site, those in our hosts (controls, overlays); on an
 * extension page, all of them. axe is evaluated through the debugger protocol, so an extension
 * page's script-src 'self' does not stop it.
 */
export async function axeViolations(
  page: Page | Frame,
  ours: 'extension-page' | 'in-site' | 'editor-frame',
): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (onlyOurs) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
      // Frames are checked on their own (the card editors: axeViolations on the frame). axe would
      // otherwise wait up to a minute for an answer from a frame it was not loaded in.
      iframes: false,
      // A frame under a card is part of the page around it, not a page: it has no main landmark
      // or level-one heading of its own (axe skips these rules in frames it reaches from the top).
      ...(onlyOurs === 'editor-frame'
        ? {
            rules: {
              'landmark-one-main': { enabled: false },
              'page-has-heading-one': { enabled: false },
              region: { enabled: false },
            },
          }
        : {}),
    });
    // The node itself, or the shadow host it lives in, is one of our elements.
    const isOurs = (target: unknown[]) => {
      const outer = document.querySelector(String(Array.isArray(target[0]) ? target[0][0] : target[0]));
      return !!outer?.closest('papershelf-controls, papershelf-overlay');
    };
    return violations.flatMap((v) =>
      v.nodes
        .filter((n) => onlyOurs !== 'in-site' || isOurs(n.target))
        .map((n) => ({
          rule: v.id,
          impact: v.impact,
          target: n.target.flat().map(String),
          summary: n.failureSummary ?? '',
        })),
    );
  }, ours);
}

/** Color-contrast failures of text inside listings the user has marked read (page text we restyle). */
export async function contrastInReadListings(page: Page): Promise<string[][]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const failing = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const include = [...document.querySelectorAll('[data-papershelf-read="true"], [data-papershelf-part-read="true"]')];
    if (include.length === 0) throw new Error('no read listing on the page');
    const { violations } = await axe.run(include, {
      runOnly: ['color-contrast'],
      resultTypes: ['violations'],
      iframes: false,
    });
    return violations.flatMap((v) => v.nodes.map((n) => n.target.flat().map(String)));
  });
  return failing;
}
