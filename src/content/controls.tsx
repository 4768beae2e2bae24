/** The inline controls on one paper listing. Rendered by preact inside the listing's shadow root. */
export type Toggle = 'read' | 'saved';

export interface ControlsProps {
  read: boolean;
  saved: boolean;
  /** A change was sent and the worker has not answered yet. */
  pending: boolean;
  error?: string;
  onToggle(which: Toggle): void;
}

/** Only a person's click counts: a page script's synthetic `click()` has isTrusted false. */
function trusted(handler: () => void) {
  return (event: MouseEvent) => {
    event.preventDefault();
    if (event.isTrusted) handler();
  };
}

export function Controls({ read, saved, pending, error, onToggle }: ControlsProps) {
  return (
    <div class="bar" role="group" aria-label="Papershelf" aria-busy={pending}>
      <button type="button" class="toggle read" aria-pressed={read} onClick={trusted(() => onToggle('read'))}>
        <span class="icon" aria-hidden="true">{read ? '✓' : '○'}</span>
        Mark read
      </button>
      <button type="button" class="toggle saved" aria-pressed={saved} onClick={trusted(() => onToggle('saved'))}>
        <span class="icon" aria-hidden="true">{saved ? '★' : '☆'}</span>
        Save for later
      </button>
      {error ? <span class="error" role="status">{error}</span> : null}
    </div>
  );
}
