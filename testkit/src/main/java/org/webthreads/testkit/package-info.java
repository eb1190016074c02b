/**
 * {@link org.webthreads.testkit.HeadlessChromium}: Debian's headless Chromium, driven through
 * chromedriver at their Debian paths (nothing downloaded), for browser tests and benchmarks.
 */
package org.webthreads.testkit;
