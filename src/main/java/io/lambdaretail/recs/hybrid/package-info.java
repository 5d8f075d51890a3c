/**
 * The LightFM-style hybrid recommender trained on Spark (command {@code train-hybrid}): feature
 * matrices ({@link io.lambdaretail.recs.hybrid.CsrMatrix}, {@link
 * io.lambdaretail.recs.hybrid.FeatureSide}) read from long or wide feature tables ({@link
 * io.lambdaretail.recs.hybrid.FeatureTables}), the losses and schedules ({@link
 * io.lambdaretail.recs.hybrid.Loss}, {@link io.lambdaretail.recs.hybrid.Schedule}), epoch training
 * by parameter averaging ({@link io.lambdaretail.recs.hybrid.HybridTrainer}), the job with its
 * comparison and cold-start split ({@link io.lambdaretail.recs.hybrid.TrainHybridJob}) and the
 * saved model {@code recommend} loads by its kind ({@link
 * io.lambdaretail.recs.hybrid.HybridModel}).
 */
package io.lambdaretail.recs.hybrid;
