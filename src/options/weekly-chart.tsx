/** A small bar chart of papers seen and read per week, with the same figures as a table for screen readers. */
import { weeklyActivity, type WeekCount } from '../db/activity';
import type { PapershelfDb } from '../db/schema';
import { useLiveQuery } from '../ui/use-live-query';

const W = 28;
const H = 80;

const label = (d: Date) => d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function WeeklyChart({ db, now = Date.now() }: { db: PapershelfDb; now?: number }) {
  const weeks = useLiveQuery(() => weeklyActivity(db, now), [db]);
  if (!weeks) return null;
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Papers seen and read per week</h2>
      <Bars weeks={weeks} />
      <details>
        <summary>As a table</summary>
      <table class="activity">
        <caption>Last {weeks.length} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Seen</th>
            <th scope="col">Read</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start.getTime()}>
              <th scope="row">{label(w.start)}</th>
              <td>{w.seen}</td>
              <td>{w.read}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </details>
    </section>
  );
}

function Bars({ weeks }: { weeks: WeekCount[] }) {
  const top = Math.max(1, ...weeks.map((w) => w.seen));
  const height = (n: number) => Math.round((n / top) * (H - 14));
  return (
    <svg class="chart" viewBox={`0 0 ${weeks.length * W} ${H}`} width={weeks.length * W} height={H} aria-hidden="true">
      {weeks.map((w, i) => (
        <g key={w.start.getTime()} transform={`translate(${i * W},0)`}>
          <title>{`Week of ${label(w.start)}: ${w.seen} seen, ${w.read} read`}</title>
          <rect class="seen" x={4} y={H - 12 - height(w.seen)} width={10} height={height(w.seen)} />
          <rect class="read" x={14} y={H - 12 - height(w.read)} width={10} height={height(w.read)} />
          {i % 2 === 0 ? (
            <text x={2} y={H - 1} font-size="8">
              {label(w.start)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
