package io.lambdaretail.recs;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A training and a test set (both in {@link Interactions#SCHEMA}) and the events training came
 * from, so that a grid search can split them again for validation.
 *
 * @param train aggregated training pairs, minimums applied
 * @param test aggregated test pairs (all of them: the evaluation drops those a user already has in
 *     training)
 * @param trainEvents the events behind {@code train}
 * @param trainEnd the latest training event (decay reference), null without timestamps
 */
public record Split(
    Dataset<Row> train, Dataset<Row> test, Dataset<Row> trainEvents, Timestamp trainEnd) {}
