package io.lambdaretail.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * What a job needs to open its SparkSession.
 *
 * @param appName the application name shown in the Spark UI and on YARN
 * @param master the master URL, or null to keep what spark-submit set (else local[*])
 * @param conf extra Spark settings, applied last
 */
public record SparkSettings(String appName, String master, Map<String, String> conf) {
  private static final String HADOOP_PREFIX = "spark.hadoop.";

  public SparkSettings {
    conf = Map.copyOf(conf);
  }

  /**
   * The Hadoop configuration the session will have ({@code spark.hadoop.*} from system properties,
   * as spark-submit passes them, and from {@link #conf()}), for checks made before Spark starts.
   */
  public Configuration hadoopConfiguration() {
    Configuration hadoop = new Configuration();
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(HADOOP_PREFIX))
        .forEach(k -> hadoop.set(k.substring(HADOOP_PREFIX.length()), System.getProperty(k)));
    conf.forEach(
        (k, v) -> {
          if (k.startsWith(HADOOP_PREFIX)) {
            hadoop.set(k.substring(HADOOP_PREFIX.length()), v);
          }
        });
    return hadoop;
  }
}
