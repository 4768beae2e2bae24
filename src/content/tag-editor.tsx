/** Inline tag editor: type to filter existing tags, Enter adds, Backspace on empty removes the last. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ControlActions } from './controls';
import { trusted } from './trusted';

interface Props {
  tags: string[];
  actions: ControlActions;
  onClose(): void;
}

let listIds = 0;

export function TagEditor({ tags, actions, onClose }: Props) {
  const [known, setKnown] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const [listId] = useState(() => `papershelf-tags-${++listIds}`);

  useEffect(() => {
    input.current?.focus();
    actions.tagNames().then(setKnown, () => setKnown([]));
  }, []);

  const has = (t: string) => tags.some((x) => x.toLowerCase() === t.toLowerCase());
  const query = text.trim().toLowerCase();
  const options = known.filter((t) => !has(t) && t.toLowerCase().startsWith(query)).slice(0, 8);

  function add(name: string) {
    const clean = name.replace(/[\s,]+/g, ' ').trim();
    if (clean && !has(clean)) actions.tag(clean, true);
    setText('');
    setActive(0);
  }

  const onKeyDown = trusted<KeyboardEvent>(
    (e) => {
      if (e.key === 'Enter' || e.key === ',') {
        e.preventDefault();
        add(options[active] !== undefined && query !== '' ? options[active]! : text);
      } else if (e.key === 'Backspace' && text === '' && tags.length) {
        e.preventDefault();
        actions.tag(tags[tags.length - 1]!, false);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = options.length || 1;
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    },
    { preventDefault: false },
  );

  return (
    <div class="editor tags-editor">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label="Add a tag"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
        placeholder="Add a tag, Enter to save"
        maxLength={60}
        value={text}
        onInput={(e) => {
          if (!e.isTrusted) return;
          setText(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {options.length ? (
        <ul role="listbox" id={listId} aria-label="Existing tags">
          {options.map((t, i) => (
            <li key={t} id={`${listId}-${i}`} role="option" aria-selected={i === active} onMouseDown={trusted<MouseEvent>(() => add(t))}>
              {t}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
