/** Search results: highlighted matches, ↑/↓ to move, Enter to open the paper. */
import type { ComponentChildren } from 'preact';
import { parseQuery, type CardHit } from '../db/search';
import { arxivAbsUrl } from '../shared/ids';
import { authorLine } from '../ui/format';
import { tint } from '../ui/tint';

/** Marks the words of `text` that start with a search term; text stays text (no HTML). */
export function highlight(text: string, terms: string[]): ComponentChildren {
  if (!terms.length) return text;
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    const term = terms.find((t) => word.startsWith(t));
    if (!term) continue;
    const start = m.index;
    parts.push(text.slice(last, start), <mark key={start}>{m[0].slice(0, term.length)}</mark>, m[0].slice(term.length));
    last = start + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

interface Props {
  query: string;
  hits: CardHit[] | undefined;
  active: number;
  onActive(i: number): void;
  /** Tag colours, lower-case name → #rrggbb. */
  colors?: Record<string, string> | undefined;
}

export function SearchResults({ query, hits, active, onActive, colors }: Props) {
  if (!hits) return null;
  if (hits.length === 0)
    return (
      <p class="empty" data-query={query}>
        No paper matches “{query}”. Try fewer words, or tag:, is:unread, list:to-read.
      </p>
    );
  const terms = parseQuery(query).terms;
  return (
    <ul class="papers results" role="listbox" id="results" aria-label="Search results" data-query={query}>
      {hits.map((h, i) => (
        <li
          key={h.paper.id}
          id={`result-${i}`}
          role="option"
          aria-selected={i === active}
          class={h.paper.readAt !== undefined ? 'paper is-read' : 'paper'}
          onMouseEnter={() => onActive(i)}
          onClick={() => window.open(arxivAbsUrl(h.paper.id), '_blank', 'noopener')}
        >
          <span class="title">{highlight(h.paper.title || h.paper.id, terms)}</span>
          <div class="meta">
            {h.paper.authors.length ? <span>{highlight(authorLine(h.paper.authors), terms)}</span> : null}
            {h.paper.tags?.map((t) => (
              <span class="tag" key={t} style={tint(colors?.[t.toLowerCase()])}>
                {highlight(t, terms)}
              </span>
            ))}
            {h.paper.readAt !== undefined ? <span>read</span> : null}
          </div>
          {h.paper.note ? <div class="note">{highlight(h.paper.note, terms)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
