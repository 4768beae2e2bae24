/** The toolbar popup: a search box, the paper in the current tab, and the queues and tags. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { queueCounts, type QueueName } from '../db/papers';
import type { PapershelfDb } from '../db/schema';
import { searchCards, type CardHit } from '../db/search';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import { useLiveQuery } from '../ui/use-live-query';
import { CurrentTab, type ActiveTabSource } from './current-tab';
import { QueueExport } from './queue-export';
import { QueueList } from './queue-list';
import { SearchResults } from './search-results';
import { TagList } from './tag-list';
import { ListsTab } from './lists-tab';
import { listSummaries } from '../db/lists';
import { readSettings } from '../db/settings';

type TabName = QueueName | 'lists' | 'tags';

const QUEUES: { name: QueueName; label: string; empty: string }[] = [
  {
    name: 'toRead',
    label: 'To read',
    empty: 'Nothing waiting. Press “Save for later” on a paper in Daily Papers to queue it here.',
  },
  { name: 'read', label: 'Read', empty: 'No paper marked read yet. Press “Mark read” on a paper you have read.' },
  { name: 'seen', label: 'Seen', empty: 'No papers seen yet. Open huggingface.co/papers or an arXiv listing and they are recorded as you browse.' },
  { name: 'opened', label: 'Opened', empty: 'No paper opened yet. Papers whose arXiv or Hugging Face page you open show up here.' },
];

/** How long after the first screen the queue counts are read. */
const COUNTS_DELAY_MS = 300;

export function Popup({ db, worker, tabs }: { db: PapershelfDb; worker: WorkerConnection; tabs: ActiveTabSource }) {
  const [active, setActive] = useState<TabName>('toRead');
  const [query, setQuery] = useState('');
  // Results with the query they answer, so highlights always match what is listed.
  const [found, setFound] = useState<{ query: string; hits: CardHit[] } | undefined>();
  const hits = found?.hits;
  const [cursor, setCursor] = useState(0);
  // Counts come after the first screen of papers: counting competes with it for the database.
  const [listShown, setListShown] = useState(false);
  // Counting 10,000 papers keeps the database busy ~100 ms, and a search typed meanwhile waits for
  // it: the counts start a moment after the first screen, and not while the search hides the tabs.
  const [countsDue, setCountsDue] = useState(false);
  useEffect(() => {
    if (!listShown) return;
    const timer = setTimeout(() => setCountsDue(true), COUNTS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [listShown]);
  const searching = query.trim() !== '';
  const counts = useLiveQuery(() => (countsDue && !searching ? queueCounts(db) : Promise.resolve(undefined)), [db, countsDue, searching]);
  const lists = useLiveQuery(() => (listShown ? listSummaries(db) : Promise.resolve(undefined)), [db, listShown]);
  const colors = useLiveQuery(async () => (listShown ? (await readSettings(db)).tagColors : undefined), [db, listShown]);

  // Each keystroke searches at once, from the input event: an effect would start it only after the
  // next frame is painted. An answer to an older query is dropped.
  const latest = useRef('');
  const search = (text: string) => {
    setQuery(text);
    latest.current = text;
    if (text.trim() === '') return setFound(undefined);
    searchCards(db, text).then(
      (h) => latest.current === text && (setFound({ query: text, hits: h }), setCursor(0)),
      () => latest.current === text && setFound({ query: text, hits: [] }),
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!hits?.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setCursor((c) => (c + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[cursor];
      if (hit) window.open(arxivAbsUrl(hit.paper.id), '_blank', 'noopener');
    }
  };

  const queue = QUEUES.find((q) => q.name === active);
  return (
    <main>
      <header>
        <h1>Papershelf</h1>
        <input
          type="search"
          role="searchbox"
          aria-label="Search your papers"
          placeholder="Search titles, authors, notes… tag: is:unread list:to-read"
          aria-controls="results"
          aria-activedescendant={hits?.length ? `result-${cursor}` : undefined}
          value={query}
          onInput={(e) => search(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </header>
      {query.trim() ? (
        <>
          {hits?.length ? <QueueExport db={db} scope={{ search: found!.query }} /> : null}
          <SearchResults query={found?.query ?? query} hits={hits} active={cursor} onActive={setCursor} colors={colors} />
        </>
      ) : (
        <>
          <CurrentTab db={db} worker={worker} tabs={tabs} />
          <div role="tablist" aria-label="Queues">
            {QUEUES.map((q) => (
              <button key={q.name} role="tab" id={`tab-${q.name}`} aria-selected={q.name === active} aria-controls="queue" onClick={() => setActive(q.name)}>
                {q.label} <span class="count">{counts ? counts[q.name] : ''}</span>
              </button>
            ))}
            <button role="tab" id="tab-lists" aria-selected={active === 'lists'} aria-controls="queue" onClick={() => setActive('lists')}>
              Lists
            </button>
            <button role="tab" id="tab-tags" aria-selected={active === 'tags'} aria-controls="queue" onClick={() => setActive('tags')}>
              Tags
            </button>
          </div>
          <section id="queue" role="tabpanel" aria-labelledby={`tab-${active}`}>
            {queue ? (
              <QueueList key={active} db={db} worker={worker} queue={queue.name} empty={queue.empty} lists={lists} onShown={() => setListShown(true)} />
            ) : active === 'lists' ? (
              <ListsTab db={db} worker={worker} lists={lists} />
            ) : (
              <TagList db={db} colors={colors} onPick={(t) => search(`tag:"${t}" `)} />
            )}
          </section>
        </>
      )}
    </main>
  );
}
