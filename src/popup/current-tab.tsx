/**
 * The paper in the tab the popup was opened from: an arXiv abstract, PDF or HTML page, or a
 * Hugging Face paper page. A PDF viewer cannot host a content script, so this is how a paper
 * being read as a PDF gets marked. The tab's address comes through `activeTab`, granted when
 * the user opens the popup: no `tabs` permission.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import type { WorkerConnection } from '../messaging/client';
import { parseArxivId } from '../shared/ids';
import { useLiveQuery } from '../ui/use-live-query';
import { PaperItem } from './paper-item';

export interface TabInfo {
  url?: string | undefined;
  title?: string | undefined;
}

/** Where the popup learns about the active tab (an interface, so tests need no browser). */
export interface ActiveTabSource {
  activeTab(): Promise<TabInfo | undefined>;
  /** The papers the active tab lists, in page order, when Papershelf runs there. */
  pagePapers(): Promise<string[] | undefined>;
}

export function CurrentTab({
  db,
  worker,
  tabs,
}: {
  db: PapershelfDb;
  worker: WorkerConnection;
  tabs: ActiveTabSource;
}) {
  const [tab, setTab] = useState<TabInfo | undefined>();
  useEffect(() => {
    tabs.activeTab().then(setTab, () => setTab(undefined));
  }, [tabs]);
  const id = tab?.url ? parseArxivId(tab.url)?.id : undefined;
  const paper = useLiveQuery(async () => (id ? ((await db.papers.get(id)) ?? null) : null), [db, id]);
  if (!id || paper === undefined) return null;
  return (
    <section class="current" aria-label="This tab">
      <h2>This tab</h2>
      <ul class="papers">
        <PaperItem id={id} paper={paper ?? undefined} fallbackTitle={tab?.title} worker={worker} />
      </ul>
    </section>
  );
}
