/**
 * "Save to Papershelf" in the context menu of a link to a paper, on any page: the paper joins To
 * read without being opened (its title arrives the next time a supported page shows it).
 */
import { parseArxivId } from '../shared/ids';
import type { Request } from '../shared/protocol';

export const SAVE_LINK_MENU = 'papershelf-save-link';

/** Links the item is offered on: arXiv abstract, PDF and HTML pages and Hugging Face paper pages. */
export const PAPER_LINK_PATTERNS = [
  'https://arxiv.org/abs/*',
  'https://arxiv.org/pdf/*',
  'https://arxiv.org/html/*',
  'https://www.arxiv.org/abs/*',
  'https://export.arxiv.org/abs/*',
  'https://huggingface.co/papers/*',
];

/** The request a click on the item makes, or nothing when the link names no paper (/papers/date/…). */
export function saveLinkRequest(linkUrl: string | undefined): Request | undefined {
  const id = linkUrl ? parseArxivId(linkUrl)?.id : undefined;
  return id ? { type: 'paper/setSaved', id, saved: true } : undefined;
}
