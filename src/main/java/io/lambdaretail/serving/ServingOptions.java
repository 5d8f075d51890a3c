package io.lambdaretail.serving;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where and how {@code stream} writes its Cassandra serving tables.
 *
 * @param host contact point ({@code --cassandra-host})
 * @param port native protocol port ({@code --cassandra-port}, default 9042)
 * @param keyspace created when missing ({@code --keyspace})
 * @param replication of a keyspace this job creates ({@code --cassandra-replication})
 * @param topicKeys per topic, the partition key columns of its table ({@code --cassandra-key
 *     TOPIC=COL[,COL]}); other topics are keyed by (kafka_topic, kafka_partition, kafka_offset)
 * @param sessionGap views further apart than this start a new session ({@code --session-gap})
 * @param trendWindow width of a {@code trending_categories} window ({@code --trend-window})
 * @param trendTtl how long a trend row lives ({@code --trend-ttl})
 * @param itemCategories items.csv with product_id and category; null: no trending_categories
 * @param retries attempts after the first before a Cassandra step fails ({@code
 *     --cassandra-retries})
 * @param retryBackoff wait before the first retry, doubled each time ({@code
 *     --cassandra-retry-backoff})
 * @param watermark events older than the latest event time minus this are late: they reach the
 *     lake, not the speed layer's state ({@code --watermark})
 * @param maxInFlight asynchronous Cassandra writes in flight at once ({@code
 *     --cassandra-max-in-flight})
 * @param topicTables the topics that get a Cassandra table of their own ({@code
 *     --cassandra-topic-tables}); null for every topic
 */
public record ServingOptions(
    String host,
    int port,
    String keyspace,
    Replication replication,
    Map<String, List<String>> topicKeys,
    Duration sessionGap,
    Duration trendWindow,
    Duration trendTtl,
    String itemCategories,
    int retries,
    Duration retryBackoff,
    Duration watermark,
    int maxInFlight,
    Set<String> topicTables) {

  public ServingOptions {
    topicKeys = Map.copyOf(topicKeys);
    topicTables = topicTables == null ? null : Set.copyOf(topicTables);
  }

  /** Whether {@code topic}'s records are written to a Cassandra table of its own. */
  public boolean hasTopicTable(String topic) {
    return topicTables == null || topicTables.contains(topic);
  }
}
