package io.lambdaretail.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmarks of the stream's serving side (scripts/bench-stream-serving.sh):
 *
 * <ul>
 *   <li>{@code create-topic BOOTSTRAP TOPIC PARTITIONS};
 *   <li>{@code drain BOOTSTRAP TOPIC}: a plain consumer reads the whole topic, counting only (the
 *       ceiling of any stream over it);
 *   <li>{@code latency BOOTSTRAP TOPIC RATE SECONDS CASSANDRA_HOST PORT KEYSPACE}: sends page views
 *       at a fixed rate, of 10,000 products by 5,000 visitors, every tenth (a tracer) of a product
 *       of its own that carries its send time, then reads from {@code item_activity_by_hour} when
 *       each tracer became visible ({@code WRITETIME}, set by the writing client as the row is
 *       written): end-to-end latency from produce to Cassandra.
 * </ul>
 *
 * Prints one JSON object.
 */
public final class ServingBench {
  private static final int TRACER_EVERY = 10;
  private static final int CATALOGUE = 10_000;
  private static final int VISITORS = 5_000;

  private ServingBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("create-topic")) {
      createTopic(args[1], args[2], Integer.parseInt(args[3]));
    } else if (args.length == 3 && args[0].equals("drain")) {
      drain(args[1], args[2]);
    } else if ((args.length == 8 || args.length == 9) && args[0].equals("latency")) {
      latency(
          args[1],
          args[2],
          Integer.parseInt(args[3]),
          Integer.parseInt(args[4]),
          args[5],
          Integer.parseInt(args[6]),
          args[7],
          args.length == 9 ? Integer.parseInt(args[8]) : 0);
    } else {
      System.err.println(
          "usage: ServingBench drain BOOTSTRAP TOPIC | latency BOOTSTRAP TOPIC RATE SECONDS"
              + " CASSANDRA_HOST PORT KEYSPACE [WARMUP_SECONDS]");
      System.exit(2);
    }
  }

  private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (var admin = org.apache.kafka.clients.admin.AdminClient.create(p)) {
      admin
          .createTopics(
              List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
          .all()
          .get();
    }
    System.out.printf(Locale.ROOT, "{\"topic\": \"%s\", \"partitions\": %d}%n", topic, partitions);
  }

  private static void drain(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        parts.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long total = end.values().stream().mapToLong(Long::longValue).sum();
      long records = 0;
      long bytes = 0;
      long start = System.nanoTime();
      while (records < total) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        for (var r : batch) {
          records++;
          bytes += r.value() == null ? 0 : r.value().length;
        }
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "{\"records\": %d, \"bytes\": %d, \"duration_ms\": %d}%n",
          records,
          bytes,
          ms);
    }
  }

  /**
   * @param warmup seconds of views at the same rate before the measured ones (no tracers): a
   *     stream's first micro-batches run cold code (JIT, first state store loads, first Cassandra
   *     statements), which a stream that runs all day pays once
   */
  private static void latency(
      String bootstrap,
      String topic,
      int rate,
      int seconds,
      String host,
      int port,
      String keyspace,
      int warmup)
      throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    int n = rate * seconds;
    // a shop's catalogue and visitors are bounded: most views go to CATALOGUE products and
    // VISITORS visitors; every TRACER_EVERY-th view is of a product of its own, named after its
    // send time, whose row in item_activity_by_hour tells when it became visible
    List<String> products = new ArrayList<>(n / TRACER_EVERY + 1);
    int warm = rate * warmup;
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = -warm; i < n; i++) {
        long due = start + (long) ((i + warm) * (1e9 / rate));
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        long now = System.currentTimeMillis();
        String product;
        if (i >= 0 && i % TRACER_EVERY == 0) {
          product = "lat-" + now + "-" + i;
          products.add(product);
        } else {
          product = "p" + Math.floorMod(i, CATALOGUE);
        }
        String value =
            String.format(
                Locale.ROOT,
                "{\"browser_id\": \"bench%d\", \"user_id\": \"bench%d\", \"product_id\": \"%s\","
                    + " \"timestamp\": \"%s\"}",
                Math.floorMod(i, VISITORS),
                Math.floorMod(i, VISITORS),
                product,
                Instant.ofEpochMilli(now));
        producer.send(new ProducerRecord<>(topic, value));
      }
    }
    Map<String, Long> seen = visible(products, host, port, keyspace, Duration.ofMinutes(5));
    List<Long> latencies = new ArrayList<>(seen.values());
    Collections.sort(latencies);
    // per minute of sending, for a soak: does latency drift as the day's data grows?
    StringBuilder minutes = new StringBuilder();
    int perMinute = rate * 60 / TRACER_EVERY;
    for (int m = 0; m * perMinute < products.size(); m++) {
      List<Long> inMinute = new ArrayList<>();
      for (int i = m * perMinute; i < Math.min(products.size(), (m + 1) * perMinute); i++) {
        Long ms = seen.get(products.get(i));
        if (ms != null) {
          inMinute.add(ms);
        }
      }
      Collections.sort(inMinute);
      minutes
          .append(m == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"minute\": %d, \"p50_ms\": %d, \"p99_ms\": %d}",
                  m + 1,
                  pct(inMinute, 0.5),
                  pct(inMinute, 0.99)));
    }
    System.out.printf(
        Locale.ROOT,
        "{\"warmup_seconds\": %d, \"sent\": %d, \"tracers\": %d, \"visible\": %d, \"rate\": %d, \"p50_ms\": %d,"
            + " \"p99_ms\": %d,"
            + " \"max_ms\": %d, \"per_minute\": [%s]}%n",
        warmup,
        n,
        products.size(),
        latencies.size(),
        rate,
        pct(latencies, 0.5),
        pct(latencies, 0.99),
        latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1),
        minutes);
  }

  /** Produce-to-visible milliseconds of each product's row; waits until all are there. */
  private static Map<String, Long> visible(
      List<String> products, String host, int port, String keyspace, Duration timeout)
      throws InterruptedException {
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(host, port))
            .withLocalDatacenter("datacenter1")
            .build()) {
      PreparedStatement q =
          session.prepare(
              "SELECT WRITETIME(views) FROM \""
                  + keyspace
                  + "\".item_activity_by_hour WHERE product_id = ?");
      Map<String, Long> out = new java.util.HashMap<>();
      Set<String> pending = new java.util.LinkedHashSet<>(products);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        // asynchronous reads, a few hundred at a time: a soak sends a million products
        List<String> round = new ArrayList<>(pending);
        for (int from = 0; from < round.size(); from += 512) {
          List<String> chunk = round.subList(from, Math.min(round.size(), from + 512));
          List<CompletableFuture<AsyncResultSet>> reads = new ArrayList<>();
          for (String product : chunk) {
            reads.add(session.executeAsync(q.bind(product)).toCompletableFuture());
          }
          for (int i = 0; i < chunk.size(); i++) {
            Row r = reads.get(i).join().one();
            if (r != null) {
              String product = chunk.get(i);
              long sent = Long.parseLong(product.split("-")[1]);
              out.put(product, r.getLong(0) / 1000 - sent);
              pending.remove(product);
            }
          }
        }
        if (!pending.isEmpty()) {
          Thread.sleep(1000);
        }
      }
      return out;
    }
  }

  private static long pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
  }
}
