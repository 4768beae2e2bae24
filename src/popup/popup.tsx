/** The toolbar popup: a search box, the paper in the current tab, and the queues and tags. */
import type { ComponentChildren } from 'preact';
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { queueCounts, type QueueName } from '../db/papers';
import type { PapershelfDb } from '../db/schema';
import { searchCards, type CardHit } from '../db/search';
import type { WorkerConnection } from '../messaging/client';
import { arxivAbsUrl } from '../shared/ids';
import { LibrarySize } from '../ui/library-size';
import { SyncLine } from './sync-line';
import { useLiveQuery } from '../ui/use-live-query';
import { CurrentTab, type ActiveTabSource } from './current-tab';
import { QueueExport } from './queue-export';
import { QueueList } from './queue-list';
import { SearchResults } from './search-results';
import { TagList } from './tag-list';
import { PageActions } from './page-actions';
import { PopupHeader } from './popup-header';
import { PANEL_ID, QueueTabs, type TabInfo, type TabName } from './queue-tabs';
import { ListsTab } from './lists-tab';
import { listSummaries } from '../db/lists';
import { readSettings } from '../db/settings';
import { SiteAccessNotice, StorageNotice, useStorageState } from '../grants/notices';

const DAILY_PAPERS = 'https://huggingface.co/papers';
const ARXIV_NEW = 'https://arxiv.org/list/cs.LG/new';
const go = (href: string, text: string) => (
  <a href={href} target="_blank" rel="noreferrer">
    {text}
  </a>
);

const QUEUES: { name: QueueName; label: string; empty: ComponentChildren }[] = [
  {
    name: 'toRead',
    label: 'To read',
    empty: (
      <>
        Nothing waiting. Press “Save” on a paper in {go(DAILY_PAPERS, 'Daily Papers')} or an{' '}
        {go(ARXIV_NEW, 'arXiv listing')} to queue it here.
      </>
    ),
  },
  {
    name: 'read',
    label: 'Read',
    empty: <>No paper marked read yet. Press “Read” on a paper you have read, or “Mark all on this page read” here.</>,
  },
  {
    name: 'seen',
    label: 'Seen',
    empty: (
      <>
        No papers seen yet. Open {go(DAILY_PAPERS, 'Daily Papers')} or an {go(ARXIV_NEW, 'arXiv listing')}: papers are
        recorded as you browse.
      </>
    ),
  },
  {
    name: 'opened',
    label: 'Opened',
    empty: <>No paper opened yet. Papers whose arXiv or Hugging Face page you open show up here.</>,
  },
];

/** How long after the first screen the queue counts are read. */
const COUNTS_DELAY_MS = 300;

export function Popup({
  db,
  worker,
  tabs: tabsSource,
}: {
  db: PapershelfDb;
  worker: WorkerConnection;
  tabs: ActiveTabSource;
}) {
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
  // A tab other than a queue, or a search, needs the lists and colours now: its queue may never
  // have shown (chosen before the first page was read, on a busy machine), and would never say so.
  useEffect(() => {
    if (active === 'lists' || active === 'tags' || query.trim() !== '') setListShown(true);
  }, [active, query]);
  const searching = query.trim() !== '';
  const counts = useLiveQuery(
    () => (countsDue && !searching ? queueCounts(db) : Promise.resolve(undefined)),
    [db, countsDue, searching],
  );
  const lists = useLiveQuery(() => (listShown ? listSummaries(db) : Promise.resolve(undefined)), [db, listShown]);
  const colors = useLiveQuery(
    async () => (listShown ? (await readSettings(db)).tagColors : undefined),
    [db, listShown],
  );

  // Each keystroke searches at once, from the input event: an effect would start it only after the
  // next frame is painted. The search is live: papers indexed while it shows (after an import or a
  // sync) join its results without retyping. An older query's subscription ends with the next.
  const running = useRef<{ unsubscribe(): void } | undefined>(undefined);
  useEffect(() => () => running.current?.unsubscribe(), []);
  const search = (text: string) => {
    setQuery(text);
    running.current?.unsubscribe();
    running.current = undefined;
    if (text.trim() === '') return setFound(undefined);
    let first = true;
    running.current = liveQuery(() => searchCards(db, text)).subscribe({
      next: (h) => {
        setFound({ query: text, hits: h });
        // A re-run keeps the user's place; a new query starts at the top.
        if (first) setCursor(0);
        first = false;
      },
      error: () => setFound({ query: text, hits: [] }),
    });
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
  const tabs: TabInfo[] = [
    ...QUEUES.map((q) => ({ name: q.name, label: q.label, count: counts?.[q.name] })),
    { name: 'lists', label: 'Lists' },
    { name: 'tags', label: 'Tags' },
  ];
  const showingResults = searching && hits !== undefined && hits.length > 0;
  const storage = useStorageState(db);
  return (
    <main>
      <PopupHeader />
      <StorageNotice state={storage} />
      <SiteAccessNotice />
      <input
        type="search"
        class="search"
        role="searchbox"
        aria-label="Search your papers"
        placeholder="Search titles, authors, notes, tags…"
        title='Words match by prefix. Filters: tag:name, is:unread, is:saved, list:to-read, list:"your list"'
        autoFocus
        {...(showingResults ? { 'aria-controls': 'results', 'aria-activedescendant': `result-${cursor}` } : {})}
        value={query}
        onInput={(e) => search(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {searching ? (
        <>
          {hits?.length ? <QueueExport db={db} scope={{ search: found!.query }} /> : null}
          <SearchResults
            query={found?.query ?? query}
            hits={hits}
            active={cursor}
            onActive={setCursor}
            colors={colors}
          />
        </>
      ) : (
        <>
          <CurrentTab db={db} worker={worker} tabs={tabsSource} />
          <PageActions db={db} worker={worker} tabs={tabsSource} />
          <QueueTabs tabs={tabs} active={active} onSelect={setActive} />
          <section id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${active}`}>
            {queue ? (
              <QueueList
                key={active}
                db={db}
                worker={worker}
                queue={queue.name}
                empty={queue.empty}
                lists={lists}
                colors={colors}
                onShown={() => setListShown(true)}
              />
            ) : active === 'lists' ? (
              <ListsTab db={db} worker={worker} lists={lists} />
            ) : (
              <TagList db={db} colors={colors} onPick={(t) => search(`tag:"${t}" `)} />
            )}
          </section>
        </>
      )}
      {/* After the first screen, like the queue counts: one count over an index and a storage estimate. */}
      {countsDue ? (
        <footer class="library-footer">
          <SyncLine worker={worker} />
          <LibrarySize db={db} />
        </footer>
      ) : null}
    </main>
  );
}
