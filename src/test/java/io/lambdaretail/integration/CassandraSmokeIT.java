package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Create a keyspace and table on the real node, write and read a Dataset through the connector. */
@ExtendWith({LocalServices.Cassandra.class, SharedSpark.class})
class CassandraSmokeIT {
  private static final String FORMAT = "org.apache.spark.sql.cassandra";

  @Test
  void writesAndReadsADatasetThroughTheConnector(Endpoints endpoints, SparkSession spark) {
    SparkConf conf =
        spark
            .sparkContext()
            .getConf()
            .clone()
            .set("spark.cassandra.connection.host", endpoints.cassandraHost())
            .set("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()));
    try (CqlSession session = CassandraConnector.apply(conf).openSession()) {
      session.execute(
          "CREATE KEYSPACE IF NOT EXISTS smoke WITH replication ="
              + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("DROP TABLE IF EXISTS smoke.recs");
      session.execute(
          "CREATE TABLE smoke.recs (user_id text, rank int, product_id text, score double,"
              + " PRIMARY KEY (user_id, rank))");
    }
    StructType schema =
        new StructType()
            .add("user_id", DataTypes.StringType)
            .add("rank", DataTypes.IntegerType)
            .add("product_id", DataTypes.StringType)
            .add("score", DataTypes.DoubleType);
    List<Row> rows =
        List.of(
            RowFactory.create("u1", 1, "p9", 0.93),
            RowFactory.create("u1", 2, "p3", 0.71),
            RowFactory.create("u2", 1, "p9", 0.88));
    Dataset<Row> written = spark.createDataFrame(rows, schema);

    written
        .write()
        .format(FORMAT)
        .option("keyspace", "smoke")
        .option("table", "recs")
        .option("spark.cassandra.connection.host", endpoints.cassandraHost())
        .option("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()))
        .mode("append")
        .save();
    Dataset<Row> read =
        spark
            .read()
            .format(FORMAT)
            .option("keyspace", "smoke")
            .option("table", "recs")
            .option("spark.cassandra.connection.host", endpoints.cassandraHost())
            .option("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()))
            .load()
            .select("user_id", "rank", "product_id", "score");

    assertThat(read.collectAsList())
        .as("rows read back from Cassandra")
        .containsExactlyInAnyOrderElementsOf(rows);
  }
}
