// The one no-op that every worker of every library exposes, loaded with
// importScripts() so that the body is byte-for-byte the same everywhere.
self.benchNoop = function noop() {
  return 0;
};
