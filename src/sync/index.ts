/** Sync's pure core (docs/sync.md): what src/sync/webdav and, later, the worker build on. */
export * from './changes';
export * from './device';
export * from './hlc';
export * from './layout';
export * from './log-format';
export * from './merge';
export * from './order';
export * from './state';
export * from './view';
