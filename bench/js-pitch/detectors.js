// The JavaScript pitch detectors of the comparison, each behind one interface:
//   make(length, rate) -> analyse(frame: Float32Array of that length) -> { hz, voiced }
// with each library used through its published API at its defaults, told the sample rate and frame
// length. Voicing: what the library itself reports where it decides (pitchfinder's null and -1,
// aubio yinfft's 0 Hz); where it always returns a frequency, the confidence rule stated here.
import { PitchDetector } from "pitchy";
import aubioModule from "./node_modules/aubiojs/build/aubio.esm.js";
import { loadCommonJs } from "./commonjs.js";

export async function loadDetectors() {
  const pitchfinder = await loadCommonJs(new URL("./node_modules/pitchfinder/lib/index.js", import.meta.url).href);
  const aubio = await aubioModule();
  const version = async (name) => (await (await fetch(new URL("./node_modules/" + name + "/package.json", import.meta.url))).json()).version;
  const versions = { pitchy: await version("pitchy"), pitchfinder: await version("pitchfinder"), aubiojs: await version("aubiojs"),
    "fft.js": await version("fft.js") };
  const perLength = (factory) => {
    const cache = new Map();
    return (length, rate) => {
      const key = length + "@" + rate;
      if (!cache.has(key)) cache.set(key, factory(length, rate));
      return cache.get(key);
    };
  };
  return {
    versions,
    detectors: [
      {
        name: "pitchy", library: "pitchy " + versions.pitchy,
        voicing: "clarity >= 0.5 (pitchy leaves voicing to the caller; 0.5 is our McLeod's clarity gate)",
        make: perLength((length) => {
          const d = PitchDetector.forFloat32Array(length);
          return (frame, rate) => {
            const [hz, clarity] = d.findPitch(frame, rate);
            return { hz, voiced: hz > 0 && clarity >= 0.5 };
          };
        }),
      },
      {
        name: "pitchy (clarity 0.9)", library: "pitchy " + versions.pitchy, sameSpeedAs: "pitchy",
        voicing: "clarity >= 0.9 (a stricter caller's rule; the same estimates as pitchy above)",
        make: perLength((length) => {
          const d = PitchDetector.forFloat32Array(length);
          return (frame, rate) => {
            const [hz, clarity] = d.findPitch(frame, rate);
            return { hz, voiced: hz > 0 && clarity >= 0.9 };
          };
        }),
      },
      {
        name: "pitchfinder YIN", library: "pitchfinder " + versions.pitchfinder,
        voicing: "a frequency, not null (defaults: threshold 0.1, probabilityThreshold 0.1)",
        make: perLength((length, rate) => {
          const d = pitchfinder.YIN({ sampleRate: rate });
          return (frame) => {
            const hz = d(frame);
            return { hz: hz || 0, voiced: hz !== null && hz > 0 };
          };
        }),
      },
      {
        name: "pitchfinder Macleod", library: "pitchfinder " + versions.pitchfinder,
        voicing: "freq > 0 (it returns -1 when it finds none; defaults: cutoff 0.97, no pitch under 80 Hz)",
        make: perLength((length, rate) => {
          const d = pitchfinder.Macleod({ sampleRate: rate, bufferSize: length });
          return (frame) => {
            const r = d(frame);
            return { hz: r.freq, voiced: r.freq > 0 };
          };
        }),
      },
      {
        name: "aubio yin", library: "aubiojs " + versions.aubiojs,
        voicing: "confidence >= 0.85, i.e. d' under its tolerance of 0.15 (aubio's yin returns a frequency for every frame)",
        make: perLength((length, rate) => {
          const p = new aubio.Pitch("yin", length, length, rate);
          return (frame) => {
            const hz = p.do(frame);
            return { hz, voiced: hz > 0 && p.getConfidence() >= 0.85 };
          };
        }),
      },
      {
        name: "aubio yinfft", library: "aubiojs " + versions.aubiojs,
        voicing: "a frequency above 0 (aubio's yinfft returns 0 when it finds none)",
        make: perLength((length, rate) => {
          const p = new aubio.Pitch("yinfft", length, length, rate);
          return (frame) => {
            const hz = p.do(frame);
            return { hz, voiced: hz > 0 };
          };
        }),
      },
    ],
  };
}
