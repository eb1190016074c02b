// A small CommonJS loader for the browser, for packages that ship only CommonJS (pitchfinder, fft.js):
// fetches a module and, recursively, every relative require("./...") it contains, then evaluates them
// with module/exports/require as Node would. No bundler, no rewriting of the libraries' code.
export async function loadCommonJs(url) {
  const sources = new Map();
  async function fetchTree(href) {
    if (sources.has(href)) return;
    sources.set(href, null);
    const response = await fetch(href);
    if (!response.ok) throw new Error("could not load " + href + ": HTTP " + response.status);
    const text = await response.text();
    sources.set(href, text);
    const requires = [...text.matchAll(/require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(href, m[1]));
    await Promise.all(requires.map(fetchTree));
  }
  function resolve(from, specifier) {
    const href = new URL(specifier, from).href;
    return href.endsWith(".js") ? href : href + ".js";
  }
  const cache = new Map();
  function run(href) {
    if (cache.has(href)) return cache.get(href).exports;
    const module = { exports: {} };
    cache.set(href, module);
    const require = (specifier) => {
      if (!specifier.startsWith(".")) throw new Error(href + " requires '" + specifier + "', which this loader does not provide");
      return run(resolve(href, specifier));
    };
    new Function("module", "exports", "require", sources.get(href))(module, module.exports, require);
    return module.exports;
  }
  const root = new URL(url, location.href).href;
  await fetchTree(root);
  return run(root);
}
