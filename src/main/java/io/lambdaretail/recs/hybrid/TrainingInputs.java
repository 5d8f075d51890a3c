package io.lambdaretail.recs.hybrid;

import java.io.Serializable;

/**
 * What every training task reads and nobody changes: the feature matrices and the items negatives
 * are drawn from (items with at least one training interaction: an item known only by its features
 * is never pushed down as a negative, which would teach the model to bury cold items).
 */
record TrainingInputs(CsrMatrix userFeatures, CsrMatrix itemFeatures, int[] negativeCandidates)
    implements Serializable {}
