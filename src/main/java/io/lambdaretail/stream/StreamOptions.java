package io.lambdaretail.stream;

import io.lambdaretail.serving.ServingOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code stream} reads and where it writes. Exactly one of {@code topics} (non-empty) and
 * {@code topicPattern} (non-null) is set; {@code trigger} is null with {@code availableNow}.
 *
 * @param kafkaOptions consumer settings passed through as {@code kafka.<key>} (security, timeouts)
 * @param maxOffsetsPerTrigger 0 for no limit
 * @param optimizeEvery compact the written tables every N batches; 0 never
 * @param cassandra the serving tables to write after each batch; null for none
 * @param lakeTrigger the lake query's interval when it differs from {@code trigger} (the speed
 *     layer's); null for the same
 */
public record StreamOptions(
    String bootstrap,
    List<String> topics,
    String topicPattern,
    String lake,
    String checkpoint,
    Duration trigger,
    boolean availableNow,
    String startingOffsets,
    long maxOffsetsPerTrigger,
    int optimizeEvery,
    Map<String, String> kafkaOptions,
    ServingOptions cassandra,
    Duration lakeTrigger) {

  /** Without Cassandra: the lake only. */
  public StreamOptions(
      String bootstrap,
      List<String> topics,
      String topicPattern,
      String lake,
      String checkpoint,
      Duration trigger,
      boolean availableNow,
      String startingOffsets,
      long maxOffsetsPerTrigger,
      int optimizeEvery,
      Map<String, String> kafkaOptions) {
    this(
        bootstrap,
        topics,
        topicPattern,
        lake,
        checkpoint,
        trigger,
        availableNow,
        startingOffsets,
        maxOffsetsPerTrigger,
        optimizeEvery,
        kafkaOptions,
        null,
        null);
  }
}
