/**
 * The {@code generate} command's job: deterministic synthetic data for every pipeline input (event
 * dumps as multi-block {@code .ndjson.xz}, deals, user and item features, store sales), with
 * learnable structure and an optional share of malformed lines. {@link
 * io.lambdaretail.generate.GenerateJob} is the entry point; everything else in the package is an
 * implementation detail.
 */
package io.lambdaretail.generate;
