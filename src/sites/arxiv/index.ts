/** arXiv: listings, search results and abstract pages. */
import type { SiteAdapter } from '../types';
import { parseAbstract } from './abstract';
import { parseListing } from './listing';
import { parseSearch } from './search';

const HOSTS = new Set(['arxiv.org', 'www.arxiv.org']);
const LISTING = /^\/list\/[\w.-]+\/(?:new|recent|pastweek|current|\d{4}|\d{4}-\d{2})\/?$/;
const SEARCH = /^\/search(?:\/advanced)?(?:\/[\w.-]*)?\/?$/;
const ABSTRACT = /^\/abs\/.+/;

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv',
  matchPatterns: ['https://arxiv.org/list/*', 'https://arxiv.org/abs/*', 'https://arxiv.org/search/*'],
  matches(url) {
    return HOSTS.has(url.hostname) && [LISTING, SEARCH, ABSTRACT].some((p) => p.test(url.pathname));
  },
  parse(document, url) {
    if (ABSTRACT.test(url.pathname)) return parseAbstract(document, url);
    if (SEARCH.test(url.pathname)) return parseSearch(document, url);
    return parseListing(document, url);
  },
};
