// pitchy imports "fft.js" (CommonJS); the page's import map points that name here.
import { loadCommonJs } from "./commonjs.js";
const FFT = await loadCommonJs(new URL("./node_modules/fft.js/lib/fft.js", import.meta.url).href);
export default FFT;
