/**
 * The library page (the extension's options page): one section at a time, chosen from the
 * navigation and kept in the address (#library, #tags, …), so the popup's links and the browser's
 * Back button lead straight to a section. Data is read live from the database; every change goes
 * through the worker.
 */
import { useEffect, useState } from 'preact/hooks';
import icon from '../../assets/icon-48.png';
import type { PapershelfDb } from '../db/schema';
import { readSettings } from '../db/settings';
import { SiteAccessNotice, StorageNotice, useStorageState } from '../grants/notices';
import type { WorkerConnection } from '../messaging/client';
import { useLiveQuery } from '../ui/use-live-query';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';
import { IndexingProgress } from './indexing-progress';
import { LibraryTable } from './library-table';
import { RulesEditor } from './rules-editor';
import { SettingsPanel } from './settings-panel';
import { SyncPanel } from './sync-panel';
import { TagManager } from './tag-manager';
import { WeeklyChart } from './weekly-chart';

const SECTIONS = [
  { id: 'library', label: 'Library' },
  { id: 'tags', label: 'Tags' },
  { id: 'suggestions', label: 'Suggestions' },
  { id: 'import-export', label: 'Import & export' },
  { id: 'sync', label: 'Sync' },
  { id: 'settings', label: 'Settings' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

const sectionOf = (hash: string): SectionId => SECTIONS.find((s) => `#${s.id}` === hash)?.id ?? 'library';

export function Options({ db, worker }: { db: PapershelfDb; worker: WorkerConnection }) {
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const storage = useStorageState(db);
  const [section, setSection] = useState<SectionId>(() => sectionOf(location.hash));
  useEffect(() => {
    const follow = () => setSection(sectionOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const label = SECTIONS.find((s) => s.id === section)!.label;
  useEffect(() => {
    document.title = `${label} — Papershelf`;
  }, [label]);
  // Without a database there are no settings to wait for: say why, and nothing else.
  if (storage?.kind === 'unusable') return <StorageNotice state={storage} />;
  if (!settings) return null;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <img src={icon} alt="" width={28} height={28} />
        <h1>
          Papershelf <span class="sub">— your library</span>
        </h1>
      </header>
      <div class="layout">
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} aria-label={label}>
          <StorageNotice state={storage} />
          <SiteAccessNotice />
          <IndexingProgress db={db} />
          {section === 'library' ? (
            <>
              <LibraryTable db={db} worker={worker} />
              <WeeklyChart db={db} />
            </>
          ) : section === 'tags' ? (
            <TagManager db={db} worker={worker} colors={settings.tagColors} />
          ) : section === 'suggestions' ? (
            <RulesEditor rules={settings.rules} worker={worker} />
          ) : section === 'import-export' ? (
            <>
              <ExportPanel db={db} />
              <ImportPanel db={db} worker={worker} />
            </>
          ) : section === 'sync' ? (
            <SyncPanel worker={worker} />
          ) : (
            <SettingsPanel db={db} settings={settings} worker={worker} storage={storage} />
          )}
        </main>
      </div>
    </>
  );
}
