/**
 * The webthreads Maven plugin (prefix {@code webthreads}): {@code copy-runtime} writes the JavaScript
 * runtime next to a page at build time; {@code serve} serves the page's folder with the cross-origin
 * isolation headers.
 */
package org.webthreads.maven;
