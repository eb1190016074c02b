// Comlink worker: the library's UMD build plus the shared no-op.
importScripts('node_modules/comlink/dist/umd/comlink.min.js', 'noop.js');
Comlink.expose({ noop: self.benchNoop });
