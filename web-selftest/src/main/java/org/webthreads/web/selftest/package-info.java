/**
 * The browser self-test, not a library: {@link org.webthreads.web.selftest.BrowserSelfTest} runs the web
 * runtime's scenarios on a page and its workers (compiled to WebAssembly GC in this module's build);
 * {@code BrowserRuntimeTest} serves it with the isolation headers and asserts each outcome.
 */
package org.webthreads.web.selftest;
