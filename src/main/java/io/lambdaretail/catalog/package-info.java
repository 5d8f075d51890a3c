/** {@code catalog}: the lake's Delta tables, their columns, and read-only SQL over them. */
package io.lambdaretail.catalog;
