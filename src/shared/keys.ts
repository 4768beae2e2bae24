/** The keyboard shortcuts on listing pages, as the ? dialog and the welcome page list them. */
export const TRIAGE_KEYS: readonly (readonly [key: string, action: string])[] = [
  ['j / k', 'next / previous paper'],
  ['r', 'mark read / unread'],
  ['s', 'save / unsave'],
  ['t', 'tags'],
  ['n', 'note'],
  ['l', 'lists'],
  ['o', 'open on arXiv'],
  ['?', 'this help'],
  ['Esc', 'close'],
];
