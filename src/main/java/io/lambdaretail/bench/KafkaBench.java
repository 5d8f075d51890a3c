package io.lambdaretail.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Kafka side of {@code scripts/bench-stream.sh}: creates the benchmark topic with several
 * partitions, and drains a topic with one plain consumer (no Spark, no parsing, no writes) as the
 * ceiling the stream job is compared with. Prints one JSON line.
 *
 * <p>Usage: {@code LR_MAIN_CLASS=io.lambdaretail.bench.KafkaBench scripts/lambda-retail
 * create-topic|drain BOOTSTRAP TOPIC [PARTITIONS]}
 */
public final class KafkaBench {
  private KafkaBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: create-topic|drain BOOTSTRAP TOPIC [PARTITIONS]");
    }
    switch (args[0]) {
      case "create-topic" -> createTopic(args[1], args[2], Integer.parseInt(args[3]));
      case "drain" -> drain(args[1], args[2]);
      default -> throw new IllegalArgumentException("unknown action " + args[0]);
    }
  }

  private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    System.out.println("{\"topic\": \"" + topic + "\", \"partitions\": " + partitions + "}");
  }

  /** Reads every record up to the end offsets at the start; counts records and bytes. */
  private static void drain(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      Set<TopicPartition> parts =
          infos.stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .collect(Collectors.toSet());
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long target = end.values().stream().mapToLong(Long::longValue).sum();
      long started = System.currentTimeMillis();
      long records = 0;
      long bytes = 0;
      while (records < target) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofSeconds(1));
        for (var r : batch) {
          records++;
          bytes += r.value() == null ? 0 : r.value().length;
        }
      }
      long ms = System.currentTimeMillis() - started;
      System.out.println(
          "{\"records\": " + records + ", \"bytes\": " + bytes + ", \"duration_ms\": " + ms + "}");
    }
  }
}
