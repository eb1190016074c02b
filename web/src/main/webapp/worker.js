// webthreads worker bootstrap (a classic worker, so that importScripts can load the TeaVM runtime).
// The first message is the boot record from the page (see webthreads.js bootWorkers): it names the
// program, the TeaVM runtime and the shared memory. Every later message goes to Java's handler;
// messages that arrive while the program is still loading are queued by webthreads.deliver.
importScripts("webthreads.js");

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.t === "boot" && !self.webthreads.booting) {
    self.webthreads.booting = true;
    let where = "loading " + msg.runtime;
    try {
      try {
        importScripts(msg.runtime);
      } catch (err) {
        const why = await self.webthreads.explainLoadFailure(msg.runtime, "TeaVM's runtime");
        throw new Error(why || "TeaVM's runtime " + msg.runtime + " failed to load: " + self.webthreads.describe(err));
      }
      where = "loading " + msg.wasm;
      self.webthreads.phase = (p) => { where = p; };
      await self.webthreads.bootWorker(msg);
    } catch (err) {
      self.postMessage({ t: "fatal", id: msg.id, where, message: self.webthreads.describe(err) });
    }
    return;
  }
  self.webthreads.deliver(msg);
};
