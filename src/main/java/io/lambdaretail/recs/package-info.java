/**
 * Shared pieces of the recommenders (implicit-feedback ALS in {@code recs.als}, the hybrid model):
 * the (user, item, weight) training set from ingested page views and orders or a plain interactions
 * table ({@link io.lambdaretail.recs.TrainingSets}), the saved id index ({@link
 * io.lambdaretail.recs.IdIndex}), the splits ({@link io.lambdaretail.recs.Splitter}), the ranking
 * evaluation of any {@link io.lambdaretail.recs.Scorer} next to a popularity baseline ({@link
 * io.lambdaretail.recs.RankingEvaluator}), saved models dispatched on their {@code kind} ({@link
 * io.lambdaretail.recs.RecommenderModels}) and the top-N writers ({@link
 * io.lambdaretail.recs.RecommendationWriters}).
 */
package io.lambdaretail.recs;
