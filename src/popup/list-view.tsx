/**
 * One custom list: its papers in the user's order, reordered by dragging or with the arrow keys on
 * an item's handle; rename, delete (after a confirmation), export, and remove papers from it.
 */
import { useEffect, useState } from 'preact/hooks';
import { listPapers } from '../db/lists';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import type { ListSummary, Paper } from '../shared/model';
import { stamp } from '../shared/stamp';
import { moveItem } from '../ui/reorder';
import { useLiveQuery } from '../ui/use-live-query';
import { PaperItem } from './paper-item';
import { QueueExport } from './queue-export';

interface Props {
  db: PapershelfDb;
  worker: WorkerConnection;
  list: ListSummary;
  onBack(): void;
}

const byId = (a: Paper, b: Paper) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function ListView({ db, worker, list, onBack }: Props) {
  const stored = useLiveQuery(() => listPapers(db, list.id), [db, list.id]);
  // The order on screen leads the stored one while a move is on its way to the worker.
  const [moved, setMoved] = useState<Paper[] | undefined>();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(list.name);
  const [error, setError] = useState('');
  const [dragged, setDragged] = useState<number | undefined>();
  const papers = moved ?? stored;
  // Moves on their way: the worker's answer can come before the stored order shows the move (the
  // live query hears of it a little later), so `moved` stays until the stored order catches up.
  const [pending, setPending] = useState(0);
  useEffect(() => {
    if (!moved || !stored) return;
    const ids = (ps: Paper[]) => ps.map((p) => p.id).join(' ');
    const sameSet = (a: Paper[], b: Paper[]) => ids([...a].sort(byId)) === ids([...b].sort(byId));
    // Caught up, or changed elsewhere (a paper removed in another window): the store leads again.
    if (ids(stored) === ids(moved) || (pending === 0 && !sameSet(stored, moved))) setMoved(undefined);
  }, [stored, moved, pending]);

  const run = (p: Promise<unknown>) =>
    p.then(
      () => setError(''),
      (err: unknown) => setError(failureText(err)),
    );

  function move(from: number, to: number, focus = false) {
    if (!papers || to < 0 || to >= papers.length || from === to) return;
    const next = moveItem(papers, from, to);
    setMoved(next);
    setPending((n) => n + 1);
    worker.request({ type: 'lists/reorder', listId: list.id, paperIds: next.map((p) => p.id) }).then(
      () => {
        setPending((n) => n - 1);
        setError('');
      },
      (err: unknown) => {
        setPending((n) => n - 1);
        setError(failureText(err));
        setMoved(undefined);
      },
    );
    if (focus)
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-handle="${next[to]!.id}"]`)?.focus());
  }

  const onHandleKey = (i: number) => (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowUp'
        ? i - 1
        : e.key === 'ArrowDown'
          ? i + 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? papers!.length - 1
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    move(i, to, true);
  };

  return (
    <div class="list-view">
      <div class="list-head">
        <button type="button" class="back" onClick={onBack} aria-label="All lists">
          ←
        </button>
        {mode === 'rename' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(worker.request({ type: 'lists/rename', listId: list.id, name })).then(() => setMode('view'));
            }}
          >
            <input aria-label="List name" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit">Save name</button>
          </form>
        ) : (
          <h2>{list.name}</h2>
        )}
        <button type="button" onClick={() => setMode(mode === 'rename' ? 'view' : 'rename')}>
          Rename
        </button>
        <button type="button" onClick={() => setMode('delete')}>
          Delete list
        </button>
      </div>
      {mode === 'delete' ? (
        <div role="alertdialog" aria-label="Delete this list?" class="confirm">
          <p>
            Delete the list “{list.name}”? Its {list.count} {list.count === 1 ? 'paper stays' : 'papers stay'} in your
            library.
          </p>
          <button
            type="button"
            onClick={() => void run(worker.request({ type: 'lists/delete', listId: list.id }).then(onBack))}
          >
            Delete
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      {!papers ? null : papers.length === 0 ? (
        <p class="empty">
          This list is empty. Add papers with the “Lists” button on a paper card, or “Add to list” in the other tabs.
        </p>
      ) : (
        <>
          <QueueExport db={db} scope={{ list: list.id, name: list.name }} />
          <ol class="papers ordered" aria-label={`Papers in ${list.name}`}>
            {papers.map((p, i) => (
              <PaperItem
                key={p.id}
                id={p.id}
                paper={p}
                worker={worker}
                itemProps={{
                  class: dragged === i ? 'draggable dragging' : 'draggable',
                  draggable: true,
                  onDragStart: (e) => {
                    setDragged(i);
                    e.dataTransfer?.setData('text/plain', p.id);
                  },
                  onDragOver: (e) => e.preventDefault(),
                  onDrop: (e) => {
                    e.preventDefault();
                    if (dragged !== undefined) move(dragged, i);
                    setDragged(undefined);
                  },
                  onDragEnd: () => setDragged(undefined),
                }}
              >
                <button
                  type="button"
                  class="handle"
                  data-handle={p.id}
                  aria-label={`Move ${p.title || p.id} (arrow keys; position ${i + 1} of ${papers.length})`}
                  title="Drag, or focus and press ↑ ↓"
                  onKeyDown={onHandleKey(i)}
                >
                  ⇅
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      worker.request({ type: 'lists/member', listId: list.id, paperId: p.id, on: false, at: stamp() }),
                    )
                  }
                >
                  Remove from list
                </button>
              </PaperItem>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
