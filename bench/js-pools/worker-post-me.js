// post-me worker: the library's UMD build plus the shared no-op; the child side
// of the handshake that js-pools.js starts with ParentHandshake.
importScripts('node_modules/post-me/dist/index.min.js', 'noop.js');
PostMe.ChildHandshake(new PostMe.WorkerMessenger({ worker: self }), { noop: self.benchNoop });
