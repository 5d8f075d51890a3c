/**
 * Sales regression: cleans the store sales CSV into monthly quantities per store and product,
 * builds calendar, lag and level features, trains a Spark ML regressor with a time-based holdout
 * ({@link io.lambdaretail.sales.SalesTrainingJob}) and predicts monthly quantities for new rows
 * from the saved model ({@link io.lambdaretail.sales.SalesPredictionJob}).
 */
package io.lambdaretail.sales;
