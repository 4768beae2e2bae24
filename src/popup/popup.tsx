/** The toolbar popup: the personal queues, newest first, with their counts. */
import { useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import { queueCounts, type QueueName } from '../db/papers';
import type { WorkerConnection } from '../messaging/client';
import { useLiveQuery } from '../ui/use-live-query';
import { CurrentTab, type ActiveTabSource } from './current-tab';
import { QueueList } from './queue-list';

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

export function Popup({ db, worker, tabs }: { db: PapershelfDb; worker: WorkerConnection; tabs: ActiveTabSource }) {
  const [active, setActive] = useState<QueueName>('toRead');
  const counts = useLiveQuery(() => queueCounts(db), [db]);
  const queue = QUEUES.find((q) => q.name === active)!;
  return (
    <main>
      <header>
        <h1>Papershelf</h1>
      </header>
      <CurrentTab db={db} worker={worker} tabs={tabs} />
      <div role="tablist" aria-label="Queues">
        {QUEUES.map((q) => (
          <button
            key={q.name}
            role="tab"
            id={`tab-${q.name}`}
            aria-selected={q.name === active}
            aria-controls="queue"
            onClick={() => setActive(q.name)}
          >
            {q.label} <span class="count">{counts ? counts[q.name] : ''}</span>
          </button>
        ))}
      </div>
      <section id="queue" role="tabpanel" aria-labelledby={`tab-${active}`}>
        <QueueList key={active} db={db} worker={worker} queue={active} empty={queue.empty} />
      </section>
    </main>
  );
}
