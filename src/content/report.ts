/** Our errors in the page's console, named so a user or a bug report can tell them apart. */
export const report = (what: string, err: unknown): void => console.error(`Papershelf: ${what}`, err);
