package io.lambdaretail.serving;

import java.time.LocalDate;

/**
 * What {@code serve} recomputes: the serving tables for the UTC dates [from, to], from these lake
 * tables (Delta or Parquet, the contract columns with {@code event_date}); a null table is not read
 * and its tables are not written.
 */
public record ServeOptions(
    LocalDate from,
    LocalDate to,
    String pdpviews,
    String transactions,
    String deals,
    ServingOptions cassandra) {}
