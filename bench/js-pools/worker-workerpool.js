// workerpool worker: the library's worker-side UMD build plus the shared no-op.
importScripts('node_modules/workerpool/dist/workerpool.min.js', 'noop.js');
workerpool.worker({ noop: self.benchNoop });
