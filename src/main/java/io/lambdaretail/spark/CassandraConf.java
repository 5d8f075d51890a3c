package io.lambdaretail.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * The connector settings for a {@code CassandraConnector} a job opens itself (DDL, deletes): the
 * SparkContext's conf plus the session's {@code spark.cassandra.*} settings, so that credentials
 * ({@code spark.cassandra.auth.*}) and TLS ({@code spark.cassandra.connection.ssl.*}) reach it as
 * they reach the connector's DataFrame writer, also when they were set on a session that already
 * existed; then the job's host and port.
 */
public final class CassandraConf {
  private static final String PREFIX = "spark.cassandra.";

  private CassandraConf() {}

  public static SparkConf of(SparkSession spark, String host, int port) {
    SparkConf conf = spark.sparkContext().getConf().clone();
    Map<String, String> session = JavaConverters.mapAsJavaMap(spark.conf().getAll());
    session.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            conf.set(k, v);
          }
        });
    return conf.set("spark.cassandra.connection.host", host)
        .set("spark.cassandra.connection.port", String.valueOf(port));
  }
}
