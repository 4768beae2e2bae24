/** A small bar chart of papers seen and read per week, with the same figures as a table for screen readers. */
import { weeklyActivity, type WeekCount } from '../db/activity';
import type { PapershelfDb } from '../db/schema';
import { useLiveQuery } from '../ui/use-live-query';

const W = 28;
const H = 110;
/** Room on the left for the scale's numbers, and at the bottom for the week labels. */
const LEFT = 30;
const BOTTOM = 14;

const label = (d: Date) => d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function WeeklyChart({ db, now = Date.now() }: { db: PapershelfDb; now?: number }) {
  const weeks = useLiveQuery(() => weeklyActivity(db, now), [db]);
  if (!weeks) return null;
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Papers seen and read per week</h2>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="seen" />
          Seen
        </li>
        <li>
          <span class="read" />
          Read
        </li>
      </ul>
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

/** A round top for the scale: 1, 2, 5 × 10ⁿ at or above the largest week. */
function niceTop(max: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, max)));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= max)!;
}

function Bars({ weeks }: { weeks: WeekCount[] }) {
  const top = niceTop(Math.max(1, ...weeks.map((w) => w.seen)));
  const plot = H - BOTTOM - 6;
  const y = (n: number) => H - BOTTOM - Math.round((n / top) * plot);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${LEFT + weeks.length * W} ${H}`}
      width={LEFT + weeks.length * W}
      height={H}
      aria-hidden="true"
    >
      {[0, top / 2, top].map((v) => (
        <g key={v} class="scale">
          <line class="axis" x1={LEFT - 4} x2={LEFT + weeks.length * W} y1={y(v)} y2={y(v)} />
          <text x={LEFT - 6} y={y(v) + 3} text-anchor="end">
            {v}
          </text>
        </g>
      ))}
      {weeks.map((w, i) => (
        <g key={w.start.getTime()} transform={`translate(${LEFT + i * W},0)`}>
          <title>{`Week of ${label(w.start)}: ${w.seen} seen, ${w.read} read`}</title>
          <rect class="seen" x={4} y={y(w.seen)} width={10} height={H - BOTTOM - y(w.seen)} />
          <rect class="read" x={14} y={y(w.read)} width={10} height={H - BOTTOM - y(w.read)} />
          {i % 2 === 0 ? (
            <text x={2} y={H - 2}>
              {label(w.start)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
