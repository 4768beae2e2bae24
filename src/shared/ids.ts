/**
 * Canonical arXiv identifiers. Every other part of Papershelf keys papers by the string this
 * module returns, so the same paper seen on Hugging Face, an arXiv listing or a DOI is one record.
 */

export interface ArxivId {
  /** Canonical id without version: `2407.21783` or `hep-th/9901001`. */
  id: string;
  /** The version that was seen (`2` for `v2`), when the source named one. */
  version?: number;
}

// New-style ids (April 2007 on): YYMM.NNNN until 2014-12, YYMM.NNNNN from 2015-01.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d{0,2}))?$/;
// Old-style ids (1991 to March 2007): archive(.SUBJECT-CLASS)/YYMMNNN.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.([A-Z]{2}))?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d{0,2}))?$/;

/** The archives that existed before 2007; an old-style id names one of them. */
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

function version(v: string | undefined): { version?: number } {
  return v === undefined ? {} : { version: Number(v) };
}

/** Parses a bare id (`2407.21783v2`, `hep-th/9901001`); anything else is null. */
export function parseBareArxivId(text: string): ArxivId | null {
  const s = text.trim();
  const n = NEW_STYLE.exec(s);
  if (n) {
    const [, yy, mm, num, v] = n as unknown as [string, string, string, string, string | undefined];
    const year = 2000 + Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    if (year < 2007 || (year === 2007 && month < 4)) return null;
    // Five-digit numbers started in January 2015; four-digit ones ended with December 2014.
    if (year >= 2015 !== (num.length === 5)) return null;
    return { id: `${yy}${mm}.${num}`, ...version(v) };
  }
  const o = OLD_STYLE.exec(s);
  if (o) {
    const [, archive, subject, yy, mm, num, v] = o as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
      string,
      string | undefined,
    ];
    if (!OLD_ARCHIVES.has(archive)) return null;
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    if (year > 2007 || (year === 2007 && month > 3)) return null;
    // arXiv's canonical form drops the subject class: math.GT/0309136 is arXiv:math/0309136.
    void subject;
    return { id: `${archive}/${yy}${mm}${num}`, ...version(v) };
  }
  return null;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
const HF_HOSTS = new Set(['huggingface.co', 'www.huggingface.co']);

/**
 * Finds the arXiv id a URL, DOI or citation text refers to: arXiv abs/pdf/html URLs,
 * Hugging Face `/papers/<id>`, `10.48550/arXiv.<id>` DOIs, `arXiv:<id>` text and bare ids.
 * Look-alikes (`/papers/date/2024-08-01`, `/papers/trending`, impossible months) are null.
 */
export function parseArxivId(input: string): ArxivId | null {
  const text = input.trim();
  if (text === '') return null;

  const doi = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.48550\/arxiv\.(.+)$/i.exec(text);
  if (doi) return parseBareArxivId(doi[1]!);

  const prefixed = /^arxiv:\s*(.+)$/i.exec(text);
  if (prefixed) return parseBareArxivId(prefixed[1]!);

  if (/^https?:\/\//i.test(text) || text.startsWith('/')) return parseArxivUrl(text);

  return parseBareArxivId(text);
}

function parseArxivUrl(text: string): ArxivId | null {
  let url: URL;
  try {
    url = new URL(text, 'https://huggingface.co');
  } catch {
    return null;
  }
  if (!ARXIV_HOSTS.has(url.hostname) && !HF_HOSTS.has(url.hostname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  } catch {
    return null; // a stray % in the address
  }
  if (ARXIV_HOSTS.has(url.hostname)) {
    const m = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?$/.exec(path);
    return m ? parseBareArxivId(m[1]!) : null;
  }
  if (HF_HOSTS.has(url.hostname)) {
    const m = /^\/papers\/([^/]+)$/.exec(path);
    return m ? parseBareArxivId(m[1]!) : null;
  }
  return null;
}

/**
 * The paper whose own abstract page on arXiv `url` is, if it is one. That page is the one source
 * trusted to change the metadata of a paper the user has kept (read, saved, tagged or noted).
 */
export function arxivAbstractPageOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || !ARXIV_HOSTS.has(parsed.hostname) || !parsed.pathname.startsWith('/abs/'))
    return undefined;
  return parseArxivUrl(url)?.id;
}

/** True when `id` is already canonical (what the database and the protocol accept as a key). */
export function isCanonicalArxivId(id: string): boolean {
  const parsed = parseBareArxivId(id);
  return parsed !== null && parsed.id === id && parsed.version === undefined;
}

/** The paper's page on arXiv. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
