package org.webthreads.examples.pitch.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The page's JavaScript half (pitch.html's {@code pitchUi}): drawing, the browser's audio APIs
 * (getUserMedia, AudioWorklet, decodeAudioData, playback) and the buttons. Java decides and computes;
 * these calls only show and fetch.
 */
final class PitchUi {
  private PitchUi() {
  }

  @JSFunctor
  interface Action extends JSObject {
    void run();
  }

  @JSFunctor
  interface FileChosen extends JSObject {
    void chosen(Int8Array bytes, String name);
  }

  @JSFunctor
  interface SettingChanged extends JSObject {
    void changed(String name, String value);
  }

  @JSFunctor
  interface AudioStarted extends JSObject {
    void started(int sampleRate);
  }

  @JSFunctor
  interface Failed extends JSObject {
    void failed(String message);
  }

  @JSFunctor
  interface Decoded extends JSObject {
    void decoded(Float32Array mono, int sampleRate);
  }

  @JSBody(params = {"options", "startLive", "stopLive", "file", "demo", "setting", "frame"},
      script = "pitchUi.setup(options, {startLive, stopLive, file, demo, setting, frame});")
  static native void setup(JSObject options, Action startLive, Action stopLive, FileChosen file, Action demo,
      SettingChanged setting, Action frame);

  @JSBody(params = "text", script = "pitchUi.status(text);")
  static native void status(String text);

  /** A message for the user in the message bar ({@code error}: shown as an error). */
  @JSBody(params = {"text", "error"}, script = "pitchUi.message(text, error);")
  static native void message(String text, boolean error);

  /** Records an outcome for tests and benchmarks ({@code self.pitchEvents}) and sets the title "done". */
  @JSBody(params = {"kind", "data"}, script = "pitchUi.publish(kind, data);")
  static native void publish(String kind, JSObject data);

  // ---- live ----

  @JSBody(params = {"ring", "control", "stamps", "baseMs", "dateBaseMs", "started", "failed"},
      script = "pitchUi.startAudio(ring, control, stamps, baseMs, dateBaseMs, started, failed);")
  static native void startAudio(Float32Array ring, Int32Array control, Int32Array stamps, double baseMs,
      double dateBaseMs, AudioStarted started, Failed failed);

  @JSBody(script = "pitchUi.stopAudio();")
  static native void stopAudio();

  @JSBody(params = {"settings", "spectrogram"}, script = "pitchUi.liveStarted(settings, spectrogram);")
  static native void liveStarted(JSObject settings, Float32Array spectrogram);

  @JSBody(script = "pitchUi.liveStopped();")
  static native void liveStopped();

  @JSBody(params = {"time", "f1", "c1", "f2", "c2"}, script = "pitchUi.livePoint(time, f1, c1, f2, c2);")
  static native void livePoint(double time, double f1, double c1, double f2, double c2);

  @JSBody(params = {"voiced", "note", "octave", "cents", "hz"}, script = "pitchUi.tuner(voiced, note, octave, cents, hz);")
  static native void tuner(boolean voiced, String note, int octave, double cents, double hz);

  @JSBody(params = "column", script = "pitchUi.spectrogramColumn(column);")
  static native void spectrogramColumn(int column);

  @JSBody(params = "figures", script = "pitchUi.liveFigures(figures);")
  static native void liveFigures(JSObject figures);

  @JSBody(params = "notes", script = "pitchUi.heard(notes);")
  static native void heard(JSObject notes);

  // ---- files ----

  @JSBody(params = {"bytes", "name", "decoded", "failed"}, script = "pitchUi.decode(bytes, name, decoded, failed);")
  static native void decode(Int8Array bytes, String name, Decoded decoded, Failed failed);

  @JSBody(params = {"done", "total", "text"}, script = "pitchUi.progress(done, total, text);")
  static native void progress(int done, int total, String text);

  @JSBody(params = {"info", "rows", "samples"}, script = "pitchUi.fileTrack(info, rows, samples);")
  static native void fileTrack(JSObject info, Float32Array rows, Float32Array samples);

  @JSBody(params = "figures", script = "pitchUi.fileFigures(figures);")
  static native void fileFigures(JSObject figures);

  @JSBody(params = "csv", script = "pitchUi.csv(csv);")
  static native void csv(String csv);

  /** Releases the file track's views (its shared memory is about to be freed). */
  @JSBody(script = "pitchUi.dropFile();")
  static native void dropFile();

  // ---- small helpers ----

  @JSBody(params = "n", script = "return new Array(n).fill(0);")
  static native JSObject numberArray(int n);

  @JSBody(params = {"a", "i", "v"}, script = "a[i] = v;")
  static native void setNumber(JSObject a, int i, double v);

  @JSBody(params = "callback", script = "requestAnimationFrame(() => callback());")
  static native void onAnimationFrame(Action callback);

  @JSBody(script = "return Date.now();")
  static native double dateNowMs();
}
