/**
 * "Your library": every paper in a table, sorted and filtered, read live from the database;
 * papers selected here are changed through the worker by the toolbar.
 */
import { useState } from 'preact/hooks';
import { libraryRows, type LibrarySort } from '../db/library';
import type { PapershelfDb } from '../db/schema';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import type { Paper } from '../shared/model';
import { authorLine } from '../ui/format';
import { useLiveQuery } from '../ui/use-live-query';
import { papersCount } from '../ui/format';
import { LibraryToolbar } from './library-toolbar';

/** Rows shown at first, and added by each "Show more". */
const PAGE = 100;

const SORTS: { sort: LibrarySort; label: string; column: string }[] = [
  { sort: 'seen', label: 'Seen', column: 'Seen' },
  { sort: 'read', label: 'Read', column: 'Read' },
  { sort: 'title', label: 'Title', column: 'Title' },
  { sort: 'tag', label: 'Tag', column: 'Tags' },
];

function When({ at }: { at: number | undefined }) {
  return at === undefined ? null : (
    <time dateTime={new Date(at).toISOString()}>{new Date(at).toLocaleDateString()}</time>
  );
}

export function LibraryTable({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const [sort, setSort] = useState<LibrarySort>('seen');
  const [descending, setDescending] = useState(true);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const page = useLiveQuery(
    () => libraryRows(db, { sort, descending, filter, limit }),
    [db, sort, descending, filter, limit],
  );
  const papers = page?.papers ?? [];
  // Only what is on screen is acted on: a selection hidden by the filter is not.
  const chosen = papers.filter((p) => selected.has(p.id)).map((p) => p.id);
  const allChosen = papers.length > 0 && chosen.length === papers.length;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  const sortedBy = (column: string) =>
    SORTS.find((s) => s.sort === sort)!.column === column ? (descending ? 'descending' : 'ascending') : undefined;

  return (
    <section aria-labelledby="library-heading" class="library">
      <h2 id="library-heading">Your library</h2>
      <div class="buttons">
        <input
          type="search"
          aria-label="Filter the library"
          placeholder="words, tag:, is:unread, list:to-read"
          value={filter}
          onInput={(e) => {
            setFilter(e.currentTarget.value);
            setLimit(PAGE);
          }}
        />
        <select
          aria-label="Sort by"
          value={sort}
          onChange={(e) => {
            const next = e.currentTarget.value as LibrarySort;
            setSort(next);
            // Dates read best newest first, titles and tags from A.
            setDescending(next === 'seen' || next === 'read');
          }}
        >
          {SORTS.map((s) => (
            <option key={s.sort} value={s.sort}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="button" aria-pressed={descending} onClick={() => setDescending(!descending)}>
          Descending
        </button>
      </div>
      <LibraryToolbar db={db} worker={worker} ids={chosen} onDeleted={() => setSelected(new Set())} />
      {page?.total === 0 && filter.trim() === '' ? (
        <p class="hint">
          No papers yet. Browse <a href="https://huggingface.co/papers">Daily Papers</a> or an{' '}
          <a href="https://arxiv.org/list/cs.LG/new">arXiv listing</a> and every paper you see is recorded here, or{' '}
          <a href="#import-export">import</a> a library you have.
        </p>
      ) : null}
      <table>
        <caption>{page ? `Showing ${papers.length} of ${papersCount(page.total)}` : 'Loading…'}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all shown"
                checked={allChosen}
                onChange={(e) =>
                  setSelected(e.currentTarget.checked ? new Set([...selected, ...papers.map((p) => p.id)]) : new Set())
                }
              />
            </th>
            {['Title', 'Authors', 'Tags', 'Seen', 'Read'].map((c) => (
              <th key={c} scope="col" aria-sort={sortedBy(c)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {papers.map((p) => (
            <Row key={p.id} paper={p} selected={selected.has(p.id)} onSelect={(on) => toggle(p.id, on)} />
          ))}
        </tbody>
      </table>
      {page && papers.length < page.total ? (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show more
        </button>
      ) : null}
    </section>
  );
}

function Row({ paper: p, selected, onSelect }: { paper: Paper; selected: boolean; onSelect(on: boolean): void }) {
  const title = p.title || p.id;
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${title}`}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </td>
      <td>
        <a href={arxivAbsUrl(p.id)} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      </td>
      <td>{authorLine(p.authors)}</td>
      <td>{p.tags?.join(', ')}</td>
      <td>
        <When at={p.firstSeenAt} />
      </td>
      <td>
        <When at={p.readAt} />
      </td>
    </tr>
  );
}
