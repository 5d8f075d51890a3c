package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.recs.CassandraRecsWriter;
import io.lambdaretail.recs.CassandraTarget;
import io.lambdaretail.recs.TopN;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** recs_by_user on the real node: created when missing, and a rerun replaces each user's list. */
@ExtendWith({LocalServices.Cassandra.class, SharedSpark.class})
class RecommendCassandraIT {
  private static Dataset<org.apache.spark.sql.Row> lists(SparkSession spark, Object[]... rows) {
    List<org.apache.spark.sql.Row> r =
        java.util.Arrays.stream(rows).map(RowFactory::create).toList();
    return spark.createDataFrame(r, TopN.SCHEMA);
  }

  @Test
  void rerunReplacesEachUsersListInsteadOfMixingTwo(Endpoints endpoints, SparkSession spark) {
    CassandraTarget target =
        new CassandraTarget(
            endpoints.cassandraHost(), endpoints.cassandraPort(), "recs_it", null, null);
    Dataset<org.apache.spark.sql.Row> first =
        lists(
            spark,
            new Object[] {"u1", new String[] {"p1", "p2", "p3"}, new Float[] {.9f, .8f, .7f}, true},
            new Object[] {"u2", new String[] {"p4", "p5"}, new Float[] {.6f, .5f}, false});
    Dataset<org.apache.spark.sql.Row> second =
        lists(
            spark, new Object[] {"u1", new String[] {"p7", "p1"}, new Float[] {.95f, .85f}, true});

    CassandraRecsWriter.write(first, "als-1", target);
    CassandraRecsWriter.write(second, "als-2", target);

    Map<String, String> stored = new TreeMap<>();
    SparkConf conf =
        spark
            .sparkContext()
            .getConf()
            .clone()
            .set("spark.cassandra.connection.host", endpoints.cassandraHost())
            .set("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()));
    try (CqlSession session = CassandraConnector.apply(conf).openSession()) {
      for (Row r : session.execute("SELECT * FROM recs_it.recs_by_user")) {
        stored.put(
            r.getString("user_id") + "#" + r.getInt("rank"),
            r.getString("product_id") + "@" + r.getString("model_version"));
      }
    }

    assertThat(stored)
        .as("u1 holds only the second list; u2, not in the rerun, keeps its list")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "u1#1", "p7@als-2",
                "u1#2", "p1@als-2",
                "u2#1", "p4@als-1",
                "u2#2", "p5@als-1"));
  }
}
