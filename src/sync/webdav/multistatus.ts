// Reads a PROPFIND answer (RFC 4918 §14.16 multistatus). Servers bind the DAV: namespace to
// whatever prefix they like — Apache `D:` plus `lp1:` for live properties, Nextcloud `d:`, IIS and
// others a default namespace — so elements are matched by namespace URI and local name, which
// saxes resolves (`xmlns: true`). saxes is a streaming parser in plain JavaScript: no DOMParser,
// which an MV3 service worker does not have (see docs/sync-transport.md).
import { SaxesParser, type SaxesTagNS } from 'saxes';

const DAV = 'DAV:';

export interface PropfindEntry {
  /** The href as the server sent it (percent-encoded path or absolute URL). */
  href: string;
  isCollection: boolean;
  /** getcontentlength, when given. */
  size?: number;
  /** getetag as sent, quotes and weak marker included (it is only compared, never parsed). */
  etag?: string;
  /** getlastmodified, in milliseconds since the epoch, when given and readable. */
  lastModified?: number;
}

interface Pending {
  href?: string;
  /** Properties of the propstat being read; kept only if its status is 2xx. */
  props: Partial<PropfindEntry>;
  kept: Partial<PropfindEntry>;
  status?: string;
  propstatStatus?: string;
}

function is2xx(status: string | undefined): boolean {
  // "HTTP/1.1 200 OK"; a missing status is taken as success, as some servers omit it.
  return status === undefined || /^HTTP\/\d(\.\d)? 2\d\d/.test(status.trim());
}

/** Throws a SyntaxError when the body is not well-formed XML or not a DAV: multistatus. */
export function parseMultistatus(xml: string): PropfindEntry[] {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const entries: PropfindEntry[] = [];
  const path: string[] = []; // local names of the DAV: elements open, '' for others
  let text = '';
  let current: Pending | undefined;
  let sawRoot = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const local = tag.uri === DAV ? tag.local : '';
    if (path.length === 0) {
      if (local !== 'multistatus') throw new SyntaxError('not a DAV: multistatus');
      sawRoot = true;
    }
    path.push(local);
    text = '';
    if (local === 'response' && path.length === 2) current = { props: {}, kept: {} };
    if (local === 'propstat' && current) current.props = {};
    if (local === 'collection' && current && path.at(-2) === 'resourcetype') current.props.isCollection = true;
  });
  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('closetag', () => {
    const local = path.pop();
    const parent = path.at(-1);
    if (!current || local === undefined) return;
    const value = text.trim();
    text = '';
    if (parent === 'response' && local === 'href') current.href = value;
    else if (parent === 'response' && local === 'status') current.status = value;
    else if (parent === 'propstat' && local === 'status') current.propstatStatus = value;
    else if (parent === 'prop' && local === 'getcontentlength' && /^\d+$/.test(value))
      current.props.size = Number(value);
    else if (parent === 'prop' && local === 'getetag' && value !== '') current.props.etag = value;
    else if (parent === 'prop' && local === 'getlastmodified') {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) current.props.lastModified = ms;
    } else if (local === 'propstat') {
      if (is2xx(current.propstatStatus)) Object.assign(current.kept, current.props);
      current.propstatStatus = undefined;
    } else if (local === 'response' && path.length === 1) {
      if (current.href !== undefined && is2xx(current.status)) {
        entries.push({ href: current.href, isCollection: current.kept.isCollection ?? false, ...pick(current.kept) });
      }
      current = undefined;
    }
  });
  parser.write(xml).close();
  if (!sawRoot) throw new SyntaxError('empty PROPFIND answer');
  return entries;
}

function pick(props: Partial<PropfindEntry>): Partial<PropfindEntry> {
  const out: Partial<PropfindEntry> = {};
  if (props.size !== undefined) out.size = props.size;
  if (props.etag !== undefined) out.etag = props.etag;
  if (props.lastModified !== undefined) out.lastModified = props.lastModified;
  return out;
}
