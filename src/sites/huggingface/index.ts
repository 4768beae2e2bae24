/** Hugging Face: Daily Papers feeds and paper pages. */
import { parseArxivId } from '../../shared/ids';
import type { SiteAdapter } from '../types';
import { FEED_PATH, TITLE_HEADINGS, parseFeed } from './feed';
import { parsePaperPage } from './paper-page';

const isPaperPage = (url: URL) => /^\/papers\/[^/]+\/?$/.test(url.pathname) && parseArxivId(url.href) !== null;

export const huggingFace: SiteAdapter = {
  id: 'huggingface',
  name: 'Hugging Face',
  matchPatterns: ['https://huggingface.co/papers*'],
  matches(url) {
    return url.hostname === 'huggingface.co' && (FEED_PATH.test(url.pathname) || isPaperPage(url));
  },
  parse(document, url) {
    return isPaperPage(url) ? parsePaperPage(document, url) : parseFeed(document);
  },
  controlSlots(url) {
    return isPaperPage(url) ? undefined : TITLE_HEADINGS;
  },
};
