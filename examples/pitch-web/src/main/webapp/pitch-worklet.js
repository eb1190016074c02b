// The microphone's AudioWorklet: writes every render quantum (128 samples, mixed to one channel by the
// node's channelCount of 1) into the ring in shared memory, then publishes the new sample count with
// Atomics.store and wakes whoever waits on it (the page's Atomics.waitAsync, the clock worker) with
// Atomics.notify. It never waits. The views reach it once, in processorOptions; no message per block.
// Positions (LiveLayout.java): control[0] = samples written, control[1] = stop; stamps: 3 ints per
// quantum q at (q % slots) * 3: [q, clock worker's time, this worklet's Date.now() - dateBaseMs].
class PitchRing extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options.processorOptions;
    this.ring = o.ring;
    this.control = o.control;
    this.stamps = o.stamps;
    this.dateBaseMs = o.dateBaseMs;
    this.mask = this.ring.length - 1;
    this.slots = this.stamps.length / 3;
  }

  process(inputs) {
    if (Atomics.load(this.control, 1) !== 0) return false;
    const input = inputs[0];
    if (!input || input.length === 0) return true; // no source connected yet
    const samples = input[0];
    const n = samples.length;
    const written = Atomics.load(this.control, 0);
    for (let i = 0; i < n; i++) this.ring[(written + i) & this.mask] = samples[i];
    // AudioWorkletGlobalScope has no performance.now(): Date.now() (whole ms) is a check on the clock
    // worker's finer stamp.
    const quantum = ((written + n - 1) / 128) | 0;
    this.stamps[(quantum % this.slots) * 3 + 2] = Date.now() - this.dateBaseMs;
    Atomics.store(this.control, 0, (written + n) | 0);
    Atomics.notify(this.control, 0);
    return true;
  }
}

registerProcessor("pitch-ring", PitchRing);
