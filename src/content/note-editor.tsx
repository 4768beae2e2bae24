/**
 * The note textbox: saves itself 400 ms after typing stops, on blur, and when the page is hidden
 * or closed, so closing the tab mid-sentence loses at most the last moments of typing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

const SAVE_AFTER_MS = 400;

interface Props {
  note: string;
  save(text: string): void;
  onClose(): void;
}

export function NoteEditor({ note, save, onClose }: Props) {
  const [draft, setDraft] = useState(note);
  const area = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saved = useRef(note);
  const latest = useRef(note);

  const flush = () => {
    clearTimeout(timer.current);
    if (latest.current !== saved.current) {
      saved.current = latest.current;
      save(latest.current);
    }
  };

  useEffect(() => {
    area.current?.focus();
    const onHide = () => flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      flush();
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  // A note changed elsewhere (another tab) shows here unless this one is being edited.
  useEffect(() => {
    if (latest.current === saved.current && note !== saved.current) {
      saved.current = latest.current = note;
      setDraft(note);
    }
  }, [note]);

  return (
    <div class="editor note-editor">
      <textarea
        ref={area}
        aria-label="Note"
        rows={3}
        maxLength={20_000}
        placeholder="Why this paper matters…"
        value={draft}
        onInput={(e) => {
          if (!e.isTrusted) return;
          latest.current = e.currentTarget.value;
          setDraft(latest.current);
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, SAVE_AFTER_MS);
        }}
        onBlur={flush}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && e.isTrusted) {
            flush();
            onClose();
          }
        }}
      />
    </div>
  );
}
