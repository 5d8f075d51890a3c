package io.lambdaretail.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.SharedSpark;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credentials and TLS settings of the session reach the connectors the jobs open themselves. */
@ExtendWith(SharedSpark.class)
class CassandraConfTest {
  private static final String USER = "spark.cassandra.auth.username";
  private static final String TRUST = "spark.cassandra.connection.ssl.trustStore.path";

  @Test
  void sessionSettingsPassThroughAndTheJobsHostWins(SparkSession spark) {
    spark.conf().set(USER, "reporter");
    spark.conf().set(TRUST, "/etc/ssl/cassandra.jks");
    spark.conf().set("spark.cassandra.connection.host", "elsewhere");
    try {
      SparkConf conf = CassandraConf.of(spark, "10.0.0.7", 9142);

      assertThat(conf.get(USER)).isEqualTo("reporter");
      assertThat(conf.get(TRUST)).isEqualTo("/etc/ssl/cassandra.jks");
      assertThat(conf.get("spark.cassandra.connection.host")).isEqualTo("10.0.0.7");
      assertThat(conf.get("spark.cassandra.connection.port")).isEqualTo("9142");
      assertThat(spark.sparkContext().getConf().contains(USER))
          .as("the session's own conf is left alone")
          .isFalse();
    } finally {
      spark.conf().unset(USER);
      spark.conf().unset(TRUST);
      spark.conf().unset("spark.cassandra.connection.host");
    }
  }
}
