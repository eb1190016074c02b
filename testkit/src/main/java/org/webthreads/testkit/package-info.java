/**
 * Browser tests of built webthreads pages with JUnit 5: {@link org.webthreads.testkit.WebPageTest}
 * on a test class serves a folder with the cross-origin isolation headers and injects a
 * {@link org.webthreads.testkit.WebPage}, which opens its pages in a
 * {@link org.webthreads.testkit.HeadlessChromium} (found on the machine, path settable, nothing
 * downloaded), waits for a result without polling, and reads the console's errors.
 */
package org.webthreads.testkit;
