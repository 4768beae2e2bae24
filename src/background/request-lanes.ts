/**
 * Which lane each request runs in at the priority gate (priority.ts). Most are user requests:
 * background work waits for them. An import's batch is background work itself. A request answered
 * when a sync run ends ("Sync now", turning sync on, confirming) runs outside the gate: the run
 * takes background turns, and the request holding the gate would wait for itself forever.
 */
import type { RequestType } from '../shared/protocol';
import type { ImportQuiet } from './import-quiet';
import type { PriorityGate } from './priority';

const AFTER_SYNC_RUN: ReadonlySet<RequestType> = new Set(['sync/now', 'sync/confirm', 'sync/configure']);

export function requestRunner(gate: PriorityGate, imports: ImportQuiet) {
  return <T>(type: RequestType, run: () => Promise<T>): Promise<T> => {
    if (type === 'import/apply') return imports.batch(() => gate.turn().then(run));
    if (AFTER_SYNC_RUN.has(type)) return run();
    return gate.user(run);
  };
}
