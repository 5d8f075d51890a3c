package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.spark.CassandraConf;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes top-N lists to {@code recs_by_user (user_id text, rank int, product_id text, score double,
 * model_version text, PRIMARY KEY (user_id, rank))}, one partition per user, through the Spark
 * Cassandra connector. A rerun replaces each written user's list: the new ranks 1..n are upserted,
 * then ranks above n are deleted (one range delete per user), so a reader never sees an empty list
 * nor two runs mixed once the job is done.
 */
public final class CassandraRecsWriter {
  private static final String FORMAT = "org.apache.spark.sql.cassandra";

  private CassandraRecsWriter() {}

  public static void write(Dataset<Row> recs, String version, CassandraTarget target) {
    SparkConf conf = conf(recs, target);
    CassandraConnector connector = CassandraConnector.apply(conf);
    createIfMissing(connector, target);
    RecommendationWriters.flat(recs, version)
        .write()
        .format(FORMAT)
        .option("keyspace", target.keyspace())
        .option("table", target.table())
        .option("spark.cassandra.connection.host", target.host())
        .option("spark.cassandra.connection.port", String.valueOf(target.port()))
        .mode("append")
        .save();
    String delete = "DELETE FROM " + target.qualifiedTable() + " WHERE user_id = ? AND rank > ?";
    ForeachPartitionFunction<Row> trim =
        rows -> {
          try (CqlSession session = connector.openSession()) {
            PreparedStatement statement = session.prepare(delete);
            while (rows.hasNext()) {
              Row r = rows.next();
              session.execute(statement.bind(r.getString(0), r.getInt(1)));
            }
          }
        };
    recs.select(col(USER_ID), size(col(TopN.ITEMS)).as("n")).foreachPartition(trim);
  }

  static SparkConf conf(Dataset<Row> recs, CassandraTarget target) {
    return CassandraConf.of(recs.sparkSession(), target.host(), target.port());
  }

  private static void createIfMissing(CassandraConnector connector, CassandraTarget target) {
    try (CqlSession session = connector.openSession()) {
      session.execute(
          "CREATE KEYSPACE IF NOT EXISTS "
              + CassandraTarget.quote(target.keyspace())
              + " WITH replication = "
              + target.replicationCql());
      session.execute(
          "CREATE TABLE IF NOT EXISTS "
              + target.qualifiedTable()
              + " (user_id text, rank int, product_id text, score double, model_version text,"
              + " PRIMARY KEY (user_id, rank))");
    }
  }
}
