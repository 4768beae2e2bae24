/**
 * The probes each benchmark installs in a page (`page.evaluate`) and reads back from the same file.
 * They share only a name: each benchmark gives its probe the fields it measures.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- one name, a different probe per benchmark */
interface Window {
  __bench: any;
  __clicks: any[];
  __events: any[];
  __fileText: any;
  __firstItem: any;
  __floorDb: any;
  __frames: { start: number; duration: number; blocking: number }[];
  __room: any;
  __press: number;
  __seen: any[];
  __startup: any;
  __sug: any;
  __suggesting: () => number;
  __tag: any;
}

/** The extension API, as the benchmarks and scripts call it inside the extension's own pages and worker. */
declare const chrome: {
  runtime: { reload(): void; sendMessage(message: object): Promise<unknown> };
};
