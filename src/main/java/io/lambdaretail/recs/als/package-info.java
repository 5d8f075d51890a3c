/**
 * Implicit-feedback ALS (Spark MLlib, {@code implicitPrefs}): training with an honest ranking
 * evaluation and an optional grid search ({@link io.lambdaretail.recs.als.TrainAlsJob}), the saved
 * model as a {@link io.lambdaretail.recs.RecommenderModel} of kind {@code als} ({@link
 * io.lambdaretail.recs.als.AlsModelLoader}).
 */
package io.lambdaretail.recs.als;
