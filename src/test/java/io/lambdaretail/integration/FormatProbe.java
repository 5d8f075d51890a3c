package io.lambdaretail.integration;

import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.internal.SQLConf;

/**
 * Run in a child JVM by {@link ShadedJarIT}: resolves data source names exactly as {@code
 * spark.read().format(name)} does and prints {@code name=class} per argument.
 */
public final class FormatProbe {
  private FormatProbe() {}

  public static void main(String[] args) {
    SQLConf conf = new SQLConf();
    for (String name : args) {
      System.out.println(name + "=" + DataSource.lookupDataSource(name, conf).getName());
    }
  }
}
