/** Preact binding for Dexie's liveQuery: re-renders when the queried tables change in any context. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (err: unknown) => console.error('Papershelf: live query failed', err),
    });
    return () => subscription.unsubscribe();
    // The caller's deps, not `query`: a new closure each render must not resubscribe.
  }, deps);
  return value;
}
