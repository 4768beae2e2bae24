/** Every tag with its number of papers; choosing one searches for it. */
import { tagCounts } from '../db/annotations';
import type { PapershelfDb } from '../db/schema';
import { tint } from '../ui/tint';
import { useLiveQuery } from '../ui/use-live-query';

export function TagList({
  db,
  onPick,
  colors = {},
}: {
  db: PapershelfDb;
  onPick(tag: string): void;
  colors?: Record<string, string> | undefined;
}) {
  const tags = useLiveQuery(() => tagCounts(db), [db]);
  if (!tags) return null;
  if (tags.length === 0) return <p class="empty">No tags yet. Press “Tags” on a paper to give it one.</p>;
  return (
    <ul class="tags">
      {tags.map((t) => (
        <li key={t.name}>
          <button type="button" onClick={() => onPick(t.name)} style={tint(colors[t.name.toLowerCase()])}>
            {t.name} <span class="count">{t.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
