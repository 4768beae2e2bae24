/**
 * What the browser withholds, said where the user can act on it: at the top of the popup, the
 * library page and the welcome page. Nothing shows while everything is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PapershelfDb } from '../db/schema';
import type { SiteAdapter } from '../sites/types';
import { askForSites, onAccessChange, sitesWithoutAccess } from './site-access';
import { checkStorage, type StorageState } from './storage';

const OPTIONS = '/src/options/index.html';

const names = (sites: readonly SiteAdapter[]) => sites.map((s) => s.name).join(' and ');

/** A notice with a button while Papershelf has no access to a supported site. */
export function SiteAccessNotice() {
  const [missing, setMissing] = useState<SiteAdapter[]>([]);
  const [answer, setAnswer] = useState<'granted' | 'refused' | undefined>();
  useEffect(() => {
    const check = () => void sitesWithoutAccess().then(setMissing, () => setMissing([]));
    check();
    return onAccessChange(check);
  }, []);
  if (missing.length === 0) {
    return answer === 'granted' ? (
      <p class="notice" role="status">
        Access granted. Reload the Hugging Face and arXiv pages you have open to see the controls there.
      </p>
    ) : null;
  }
  // Called in the click itself: the browser shows its prompt only for a user's action.
  const ask = () =>
    askForSites(missing).then(
      (granted) => setAnswer(granted ? 'granted' : 'refused'),
      () => setAnswer('refused'),
    );
  return (
    <section class="notice" aria-labelledby="site-access">
      <h2 id="site-access">Papershelf cannot see {names(missing)} pages</h2>
      <p>
        The browser withholds Papershelf’s access to {names(missing)}, so no controls appear there and papers you see
        there are not recorded. Papershelf reads only the supported paper pages and sends nothing anywhere.
      </p>
      <button type="button" class="primary" onClick={ask}>
        Allow access to {names(missing)}
      </button>
      {answer === 'refused' ? (
        <p>
          Access was not granted. You can also grant it in the browser’s settings for Papershelf (Firefox: about:addons
          → Papershelf → Permissions).
        </p>
      ) : null}
    </section>
  );
}

/** The state of the library's storage, checked (and made persistent) once per page. */
export function useStorageState(db: PapershelfDb): StorageState | undefined {
  const [state, setState] = useState<StorageState>();
  useEffect(() => void checkStorage(db).then(setState), [db]);
  return state;
}

/** A warning while the library cannot be stored, or will be forgotten when the browser closes. */
export function StorageNotice({ state }: { state: StorageState | undefined }) {
  if (state?.kind === 'unusable') {
    return (
      <section class="notice" role="alert" aria-labelledby="storage-unusable">
        <h2 id="storage-unusable">Papershelf cannot store anything in this browser</h2>
        <p>
          The browser gives it no database ({state.reason}): Firefox does this in private browsing, and everywhere when
          set to “Never remember history”. Nothing you mark now is kept. A library saved before is untouched and comes
          back when Firefox remembers history again (Settings → Privacy &amp; Security → History), or open Papershelf
          from a normal window. Before you switch Firefox to never remember history, keep a copy with Export on the{' '}
          <a href={`${OPTIONS}#import-export`} target="_blank" rel="noreferrer">
            Import &amp; export
          </a>{' '}
          page.
        </p>
      </section>
    );
  }
  if (state?.kind === 'forgotten') {
    return (
      <section class="notice" role="alert" aria-labelledby="storage-forgotten">
        <h2 id="storage-forgotten">This library will be gone when the browser closes</h2>
        <p>
          The browser runs Papershelf in private mode (Firefox: “Never remember history”), so its database lasts only
          until you close the browser. Export a JSON backup on the{' '}
          <a href={`${OPTIONS}#import-export`} target="_blank" rel="noreferrer">
            Import &amp; export
          </a>{' '}
          page before you close it, and import it next time.
        </p>
      </section>
    );
  }
  return null;
}
