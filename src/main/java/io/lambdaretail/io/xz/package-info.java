/**
 * A Hadoop compression codec for xz ({@link io.lambdaretail.io.xz.XzCodec}): Spark and Hadoop read
 * {@code .xz} text and JSON like {@code .gz}, and split multi-block files (as {@code xz -T0} and
 * {@code pixz} write them) across tasks through the xz index. Register it with {@link
 * io.lambdaretail.io.xz.XzCodec#register(org.apache.hadoop.conf.Configuration)}.
 */
package io.lambdaretail.io.xz;
