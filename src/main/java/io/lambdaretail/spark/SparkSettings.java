package io.lambdaretail.spark;

import java.util.Map;

/**
 * What a job needs to open its SparkSession.
 *
 * @param appName the application name shown in the Spark UI and on YARN
 * @param master the master URL, or null to keep what spark-submit set (else local[*])
 * @param conf extra Spark settings, applied last
 */
public record SparkSettings(String appName, String master, Map<String, String> conf) {
  public SparkSettings {
    conf = Map.copyOf(conf);
  }
}
