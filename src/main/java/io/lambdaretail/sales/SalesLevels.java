package io.lambdaretail.sales;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Mean monthly quantity per store and per product, and over all rows, learned on training months
 * only so that the holdout metrics see no future data. They are features and the fallback for a
 * missing lag or an unknown store or product.
 *
 * @param stores {@code store_id, store_level}
 * @param products {@code product_id, product_level}
 * @param pairs {@code store_id, product_id, pair_level}
 * @param globalMean mean monthly quantity of a (store, product) pair
 */
public record SalesLevels(
    Dataset<Row> stores, Dataset<Row> products, Dataset<Row> pairs, double globalMean) {}
