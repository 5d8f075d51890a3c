/**
 * {@code report.html} beside each model: self-contained pages (inline SVG, no scripts, nothing
 * fetched from the network) that people look at rather than read.
 */
package io.lambdaretail.report;
