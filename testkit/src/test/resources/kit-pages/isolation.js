self.isolated = self.crossOriginIsolated;
self.hasSharedArrayBuffer = typeof SharedArrayBuffer === 'function';
document.title = 'done';
