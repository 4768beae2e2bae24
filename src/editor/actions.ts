import type { PaperLists } from '../shared/protocol';

/** What the editors ask of the frame; each goes to the worker. */
export interface EditorActions {
  tag(name: string, on: boolean): void;
  /** Every tag in the library, for autocomplete. */
  tagNames(): Promise<string[]>;
  /** The note as just typed: kept in the outbox at once, sent by the next `note`. */
  noteTyped(text: string): void;
  note(text: string): void;
  /** The custom lists and which hold this paper. */
  lists(): Promise<PaperLists>;
  setList(listId: string, on: boolean): Promise<PaperLists>;
  /** Puts this paper in the list of that name, made if there is none. */
  addToNamedList(name: string): Promise<PaperLists>;
}

export type EditorPanel = 'tags' | 'note' | 'lists';
