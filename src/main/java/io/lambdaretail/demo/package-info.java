/** Helpers of {@code scripts/demo.sh}: reading back what the run wrote, for people to see. */
package io.lambdaretail.demo;
