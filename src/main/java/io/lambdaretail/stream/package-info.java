/**
 * The speed layer's lake side: Kafka records into a Delta raw table, one typed Delta table per
 * topic (contract schemas for known topics, discovered and evolving ones for the others) and a
 * dead-letter table, exactly once across restarts.
 */
package io.lambdaretail.stream;
