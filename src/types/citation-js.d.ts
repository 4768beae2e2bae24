// citation-js ships no type declarations; these cover the calls Papershelf makes.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: 'ris' | 'bibtex' | 'data', options?: { format?: 'text' | 'object' }): string;
  }
  export const plugins: { config: { get(name: string): Record<string, unknown> } };
}
declare module '@citation-js/plugin-ris';
