// The clock worker: sleeps on the ring's sample counter (Atomics.wait; the worklet notifies it after
// each block) and stamps each render quantum with the time it found it in shared memory, on the clock
// every thread of the page shares (performance.timeOrigin + performance.now(), microseconds since the
// session's base). Live mode's latency is measured from these stamps to the analysis result, because
// the AudioWorklet itself has no fine clock. It is asleep between blocks; it ends when control[1] (stop)
// is set and the counter notified. Positions: see pitch-worklet.js and LiveLayout.java.
self.onmessage = (e) => {
  const { control, stamps, baseMs } = e.data;
  const slots = stamps.length / 3;
  let seen = Atomics.load(control, 0);
  let quantum = (seen / 128) | 0;
  self.postMessage("ready");
  while (Atomics.load(control, 1) === 0) {
    Atomics.wait(control, 0, seen);
    const us = Math.round((performance.timeOrigin + performance.now() - baseMs) * 1000) | 0;
    const written = Atomics.load(control, 0);
    const complete = (written / 128) | 0;
    for (; quantum < complete; quantum++) {
      const at = (quantum % slots) * 3;
      stamps[at + 1] = us;
      Atomics.store(stamps, at, quantum); // last: a reader that sees the quantum sees its time
    }
    seen = written;
  }
  self.postMessage("stopped");
};
