/**
 * "Mark all on this page read": the papers the active tab lists (its content script tells), marked
 * in one request; Undo marks unread again exactly those that were unread before.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import { papersCount } from '../ui/format';
import { useLiveQuery } from '../ui/use-live-query';
import type { ActiveTabSource } from './current-tab';

export function PageActions({
  db,
  worker,
  tabs,
}: {
  db: PapershelfDb;
  worker: WorkerConnection;
  tabs: ActiveTabSource;
}) {
  const [ids, setIds] = useState<string[] | undefined>();
  const [undo, setUndo] = useState<string[] | undefined>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    tabs.pagePapers().then(setIds, () => setIds(undefined));
  }, [tabs]);
  const unread = useLiveQuery(async () => {
    if (!ids?.length) return [];
    const papers = await db.papers.bulkGet(ids);
    return ids.filter((_, i) => papers[i]?.readAt === undefined);
  }, [db, ids]);
  // A single paper's page has its own toggles (This tab); this is for listings.
  if (!ids || ids.length < 2 || !unread) return null;

  const markAll = async () => {
    try {
      await worker.request({ type: 'papers/setReadMany', ids: unread, read: true });
      setUndo(unread);
      setStatus(`Marked ${papersCount(unread.length)} read.`);
    } catch (err) {
      setStatus(`Not saved: ${failureText(err)}`);
    }
  };
  const undoAll = async () => {
    if (!undo) return;
    try {
      await worker.request({ type: 'papers/setReadMany', ids: undo, read: false });
      setUndo(undefined);
      setStatus('Undone.');
    } catch (err) {
      setStatus(`Not saved: ${failureText(err)}`);
    }
  };

  return (
    <section class="page-actions" aria-label="This page">
      <span>
        This page: {papersCount(ids.length)}, {unread.length} unread
      </span>
      {unread.length ? (
        <button type="button" class="button" onClick={() => void markAll()}>
          Mark all on this page read
        </button>
      ) : null}
      <span role="status">
        {status}
        {undo ? (
          <button type="button" class="link" onClick={() => void undoAll()}>
            Undo
          </button>
        ) : null}
      </span>
    </section>
  );
}
