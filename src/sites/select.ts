import type { SiteAdapter } from './types';

/** The adapter among `adapters` that handles the page at `url`, if any. */
export function adapterAmong(adapters: readonly SiteAdapter[], url: string | URL): SiteAdapter | undefined {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  return adapters.find((a) => a.matches(parsed));
}
