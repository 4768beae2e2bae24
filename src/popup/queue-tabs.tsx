/**
 * The popup's tabs, in the ARIA tabs pattern: one tab stop (the selected tab), ←/→ and Home/End
 * move between tabs and select them, each tab controls the one panel below.
 */
import type { QueueName } from '../db/papers';
import { shortCount } from '../ui/format';

export type TabName = QueueName | 'lists' | 'tags';

export interface TabInfo {
  name: TabName;
  label: string;
  count?: number | undefined;
}

export const PANEL_ID = 'queue';

export function QueueTabs({
  tabs,
  active,
  onSelect,
}: {
  tabs: TabInfo[];
  active: TabName;
  onSelect(name: TabName): void;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.name === active);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[next % tabs.length]!;
    onSelect(tab.name);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${tab.name}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Your papers" class="tabs" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.name}
          type="button"
          role="tab"
          id={`tab-${t.name}`}
          aria-selected={t.name === active}
          aria-controls={PANEL_ID}
          tabIndex={t.name === active ? 0 : -1}
          onClick={() => onSelect(t.name)}
        >
          {t.label}
          {t.count === undefined ? null : (
            <>
              {' '}
              <span class="count" title={t.count.toLocaleString('en-US')}>
                {shortCount(t.count)}
              </span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
