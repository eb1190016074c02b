// Every detector on the same frames (zero-copy views of the shared memory our side filled), and every
// detector's figures computed here the same way. See README.md for the definitions.
const CENTS = (hz, truth) => 1200 * Math.log2(hz / truth);

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(p / 100 * sorted.length);
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
}
const round = (v, d) => (v === null || !Number.isFinite(v) ? v : Math.round(v * 10 ** d) / 10 ** d);

function accuracy(estimates, input, setIds) {
  let frames = 0, correct = 0;
  const errors = [];
  const perNote = new Map();
  for (let f = 0; f < input.truth.length; f++) {
    if (!setIds.includes(input.sets[f])) continue;
    frames++;
    const e = estimates[f];
    const truth = input.truth[f];
    let ok = false;
    if (e.voiced) {
      const cents = Math.abs(CENTS(e.hz, truth));
      errors.push(cents);
      ok = cents <= 50;
    }
    if (ok) correct++;
    const note = input.sets[f] + ":" + Math.round(truth * 1000);
    perNote.set(note, (perNote.get(note) ?? true) && ok);
  }
  errors.sort((a, b) => a - b);
  const notesRight = [...perNote.values()].filter((v) => v).length;
  return {
    frames, rawPitchAccuracyPercent: round(100 * correct / frames, 2),
    notesAllFramesRight: notesRight, notes: perNote.size,
    framesWithPitch: errors.length,
    medianErrorCents: round(percentile(errors, 50), 4), p95ErrorCents: round(percentile(errors, 95), 3),
  };
}

function falseAlarm(estimates, input, setIds) {
  let frames = 0, voiced = 0;
  for (let f = 0; f < input.truth.length; f++) {
    if (!setIds.includes(input.sets[f])) continue;
    frames++;
    if (estimates[f].voiced) voiced++;
  }
  return { frames, voiced, percent: round(100 * voiced / frames, 2) };
}

async function timeDetector(analyse, frames, length, count, millis) {
  let f = 0;
  const frame = (i) => frames.subarray((i % count) * length, (i % count + 1) * length);
  const warmEnd = performance.now() + millis / 4;
  while (performance.now() < warmEnd) analyse(frame(f++));
  const start = performance.now();
  let done = 0, now;
  do {
    for (let i = 0; i < 4; i++) analyse(frame(f++));
    done += 4;
    now = performance.now();
  } while (now - start < millis);
  return (now - start) * 1000 / done;
}

const yieldToPage = () => new Promise((r) => setTimeout(r, 0));

export async function compare(input, libs, status) {
  const count = input.truth.length;
  const frame = (f) => input.frames.subarray(input.index[2 * f], input.index[2 * f] + input.index[2 * f + 1]);
  const all = [];
  const oursNames = { mcleod: "webthreads McLeod", yin: "webthreads YIN",
    mcleodParabola: "webthreads McLeod, parabola only", yinParabola: "webthreads YIN, parabola only" };
  for (const name of Object.keys(oursNames)) {
    const e = input.ours[name];
    all.push({
      name: oursNames[name], library: "ours (pitch.wasm, one worker)",
      voicing: "frequency > 0 (gates: RMS >= -60 dBFS, clarity >= 0.5)" + (name.endsWith("Parabola")
          ? "; no PeriodRefiner (the refinement's cost and gain)" : ""),
      estimates: Array.from({ length: count }, (_, f) => ({ hz: e[2 * f], voiced: e[2 * f] > 0 })),
      speed: input.oursSpeed[name],
    });
  }
  for (const d of libs.detectors) {
    status("accuracy: " + d.name);
    await yieldToPage();
    const estimates = [];
    for (let f = 0; f < count; f++) {
      const x = frame(f);
      estimates.push(d.make(x.length, input.rate)(x, input.rate));
    }
    const speed = {};
    if (d.sameSpeedAs) {
      all.push({ name: d.name, library: d.library, voicing: d.voicing, estimates,
        speed: "the same code as " + d.sameSpeedAs });
      continue;
    }
    for (const size of Object.keys(input.speedFrames)) {
      status("speed: " + d.name + " at " + size);
      await yieldToPage();
      const analyse = d.make(Number(size), input.rate);
      speed[size] = round(await timeDetector((x) => analyse(x, input.rate), input.speedFrames[size], Number(size),
          input.speedFrameCount, input.speedMillis), 2);
    }
    all.push({ name: d.name, library: d.library, voicing: d.voicing, estimates, speed });
  }
  const result = {
    sampleRate: input.rate, frames: count, sets: input.setNames, libraries: libs.versions,
    userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency,
    speedMillisPerMeasurement: input.speedMillis, detectors: [],
  };
  for (const d of all) {
    result.detectors.push({
      name: d.name, library: d.library, voicing: d.voicing,
      clean: accuracy(d.estimates, input, [0, 1]),
      snr10dB: accuracy(d.estimates, input, [2, 3]),
      sawClean: accuracy(d.estimates, input, [0]), harmonicClean: accuracy(d.estimates, input, [1]),
      saw10dB: accuracy(d.estimates, input, [2]), harmonic10dB: accuracy(d.estimates, input, [3]),
      noiseFalseVoicing: falseAlarm(d.estimates, input, [4, 5]),
      noiseMinus20dBFS: falseAlarm(d.estimates, input, [4]), noiseMinus40dBFS: falseAlarm(d.estimates, input, [5]),
      microsecondsPerFrame: d.speed,
    });
  }
  status("done");
  return result;
}
