/**
 * The speed layer's serving side: Cassandra tables a website reads, written by the {@code stream}
 * job after each micro-batch's Delta commits. Every write is an upsert of totals recomputed from
 * the Delta tables (never an increment), so a micro-batch replayed after a crash or an outage
 * rewrites the same rows. Names that come from data are validated and quoted before they reach CQL.
 */
package io.lambdaretail.serving;
