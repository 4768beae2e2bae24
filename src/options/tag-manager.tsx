/** Tag management: rename (renaming onto an existing tag merges the two), delete, and colour. */
import { useState } from 'preact/hooks';
import { tagCounts } from '../db/annotations';
import type { PapershelfDb } from '../db/schema';
import { failureText, type WorkerConnection } from '../messaging/client';
import { sameTag } from '../shared/model';
import { papersCount } from '../ui/format';
import { useLiveQuery } from '../ui/use-live-query';

interface Props {
  db: PapershelfDb;
  worker: WorkerConnection;
  colors: Record<string, string>;
}

export function TagManager({ db, worker, colors }: Props) {
  const tags = useLiveQuery(() => tagCounts(db), [db]);
  const [editing, setEditing] = useState<{ tag: string; mode: 'rename' | 'delete'; name: string } | undefined>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  if (!tags) return null;

  const run = (p: Promise<string>) =>
    p.then(
      (done) => (setStatus(done), setError(''), setEditing(undefined)),
      (err: unknown) => setError(failureText(err)),
    );
  const rename = (from: string, to: string) => {
    const merged = tags.find((t) => sameTag(t.name, to.trim()) && t.name !== from);
    return run(
      worker
        .request({ type: 'tags/rename', from, to: to.trim() })
        .then(({ papers }) =>
          merged
            ? `Merged “${from}” into “${merged.name}” (${papersCount(papers)}).`
            : `Renamed “${from}” to “${to.trim()}” on ${papersCount(papers)}.`,
        ),
    );
  };
  const colour = (tag: string, value: string | undefined) => {
    const { [tag.toLowerCase()]: _old, ...rest } = colors;
    void run(
      worker
        .request({ type: 'settings/set', patch: { tagColors: value ? { ...rest, [tag.toLowerCase()]: value } : rest } })
        .then(() => ''),
    );
  };

  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {tags.length === 0 ? (
        <p class="hint">
          No tags yet. Give a paper a tag with its “Tags” button on{' '}
          <a href="https://huggingface.co/papers">Daily Papers</a> or arXiv, or{' '}
          <a href="#suggestions">write keyword rules</a> that suggest tags.
        </p>
      ) : null}
      <ul class="tag-manager">
        {tags.map((t) => (
          <li key={t.name}>
            <input
              type="color"
              aria-label={`Colour of ${t.name}`}
              value={colors[t.name.toLowerCase()] ?? '#10b981'}
              onChange={(e) => colour(t.name, e.currentTarget.value)}
            />
            {editing?.tag === t.name && editing.mode === 'rename' ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void rename(t.name, editing.name);
                }}
              >
                <input
                  aria-label={`New name for ${t.name}`}
                  value={editing.name}
                  maxLength={60}
                  onInput={(e) => setEditing({ ...editing, name: e.currentTarget.value })}
                />
                <button type="submit" disabled={!editing.name.trim() || editing.name.trim() === t.name}>
                  Save name
                </button>
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
              </form>
            ) : (
              <span class="tag-name">
                {t.name} <span class="count">({t.count})</span>
              </span>
            )}
            {editing?.tag === t.name && editing.mode === 'delete' ? (
              <span role="alertdialog" aria-label={`Delete the tag ${t.name}?`}>
                Take “{t.name}” off {t.count} {t.count === 1 ? 'paper' : 'papers'}?{' '}
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      worker
                        .request({ type: 'tags/delete', tag: t.name })
                        .then(({ papers }) => `Deleted “${t.name}” from ${papersCount(papers)}.`),
                    )
                  }
                >
                  Delete
                </button>{' '}
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
              </span>
            ) : (
              <>
                <button
                  type="button"
                  aria-label={`Rename ${t.name}`}
                  onClick={() => setEditing({ tag: t.name, mode: 'rename', name: t.name })}
                >
                  Rename
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${t.name}`}
                  onClick={() => setEditing({ tag: t.name, mode: 'delete', name: t.name })}
                >
                  Delete
                </button>
                {colors[t.name.toLowerCase()] ? (
                  <button
                    type="button"
                    aria-label={`No colour for ${t.name}`}
                    onClick={() => colour(t.name, undefined)}
                  >
                    No colour
                  </button>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      <p class="hint">Renaming a tag to one you already use merges them. A tag’s keyword rules and colour follow it.</p>
      <p role="status">{status}</p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
