package io.lambdaretail.produce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends lines to a topic with an idempotent producer ({@code acks=all}), paced to {@code --rate}
 * when one is given. Fails, after flushing, if any record was not acknowledged.
 */
public final class ProduceJob {
  private final ProduceOptions options;

  public ProduceJob(ProduceOptions options) {
    this.options = options;
  }

  /** Sends everything and returns the summary; throws when a send failed. */
  public Map<String, Object> run() throws Exception {
    long start = System.nanoTime();
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long sent = 0;
    try (LineSource lines = LineSource.open(options);
        KafkaProducer<String, String> producer = new KafkaProducer<>(config())) {
      while (lines.hasNext() && failure.get() == null) {
        pace(sent, start);
        producer.send(
            new ProducerRecord<>(options.topic(), lines.next()),
            (meta, e) -> {
              if (e == null) {
                acked.incrementAndGet();
              } else {
                failure.compareAndSet(null, e);
              }
            });
        sent++;
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "Kafka did not accept a record for topic '"
              + options.topic()
              + "': "
              + failure.get().getMessage(),
          failure.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("topic", options.topic());
    summary.put("records", acked.get());
    summary.put("seconds", Math.round(seconds * 100) / 100.0);
    summary.put("records_per_second", Math.round(acked.get() / Math.max(seconds, 1e-3)));
    return summary;
  }

  private void pace(long sent, long start) throws InterruptedException {
    if (options.rate() <= 0) {
      return;
    }
    long due = start + (long) (sent * 1e9 / options.rate());
    long wait = due - System.nanoTime();
    if (wait > 1_000_000) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private Properties config() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.putAll(options.kafkaOptions());
    return p;
  }
}
