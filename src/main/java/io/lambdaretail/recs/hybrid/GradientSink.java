package io.lambdaretail.recs.hybrid;

/**
 * Receives the gradient of a sample's loss with respect to the features of one matrix row: for each
 * feature {@code f} of the row with weight {@code w}, d bias_f = {@code biasScale * w} and d emb_f
 * = {@code embScale * w * dir}. Training applies it as an SGD step; the gradient check records it.
 */
interface GradientSink {
  void apply(int side, CsrMatrix matrix, int row, float biasScale, float embScale, float[] dir);
}
