package io.lambdaretail.generate;

/**
 * One order: the first {@code size} entries of the arrays are its lines.
 *
 * @param orderId the {@code order_id}
 * @param timestamp epoch millis of the checkout
 * @param products product indexes
 * @param quantities quantity of each product, 1..3
 * @param size number of lines
 */
record Order(String orderId, long timestamp, int[] products, int[] quantities, int size) {}
