package io.lambdaretail.serving;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Cassandra side of {@code stream}: creates the keyspace and the serving tables, writes each
 * topic's own table from the lake query's batches (after their Delta commits), and holds the one
 * Cassandra session and the counts that the speed layer's query ({@link SpeedLayer}) shares.
 */
public final class ServingWriter implements AutoCloseable {
  public static final String PDPVIEWS = "pdpviews";
  public static final String TRANSACTIONS = "transactions";
  public static final String DEALS = "deals";

  private final ServingOptions options;
  private final CassandraStore store;
  private final ServingStats stats = new ServingStats();
  private final TopicTables topics;

  public ServingWriter(SparkSession spark, ServingOptions options) {
    this.options = options;
    this.store = new CassandraStore(spark, options);
    this.topics = new TopicTables(store, options.topicKeys(), stats);
  }

  /** Creates the keyspace and the serving tables when missing. */
  public void start() {
    store.execute(
        "creating keyspace " + options.keyspace(),
        ServingTables.createKeyspaceCql(options.keyspace(), options.replication()));
    for (TableDesign t : ServingTables.all()) {
      store.execute("creating table " + t.name(), t.createCql(options.keyspace()));
    }
  }

  public ServingStats stats() {
    return stats;
  }

  CassandraStore store() {
    return store;
  }

  /**
   * @param typed each topic's typed rows of this batch (committed to Delta already); those of
   *     topics without a table of their own ({@code --cassandra-topic-tables}) are not written
   */
  public void write(Map<String, Dataset<Row>> typed) {
    typed.forEach(
        (topic, rows) -> {
          if (options.hasTopicTable(topic)) {
            topics.write(topic, rows);
          }
        });
  }

  @Override
  public void close() {
    store.close();
  }
}
