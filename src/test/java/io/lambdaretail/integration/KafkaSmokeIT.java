package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Produce and consume on a real topic of the real broker, with a plain client and with Spark. */
@ExtendWith({LocalServices.Kafka.class, SharedSpark.class})
class KafkaSmokeIT {
  private static final int N = 25;

  @Test
  void producesAndConsumesOnARealTopic(Endpoints endpoints, SparkSession spark) throws Exception {
    String topic = "smoke-" + UUID.randomUUID();
    try (AdminClient admin =
        AdminClient.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrap()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    List<String> sent = IntStream.range(0, N).mapToObj(i -> "{\"n\":" + i + "}").toList();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(endpoints))) {
      for (int i = 0; i < N; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, sent.get(i))).get();
      }
    }

    assertThat(consumeAll(endpoints, topic))
        .as("values read back by a plain consumer")
        .containsExactlyInAnyOrderElementsOf(sent);

    List<Row> viaSpark =
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", endpoints.kafkaBootstrap())
            .option("subscribe", topic)
            .option("startingOffsets", "earliest")
            .load()
            .selectExpr("CAST(value AS STRING) AS value")
            .collectAsList();
    assertThat(viaSpark.stream().map(r -> r.getString(0)).toList())
        .as("values read back by Spark's kafka source")
        .containsExactlyInAnyOrderElementsOf(sent);
  }

  private static Properties producerProps(Endpoints endpoints) {
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoints.kafkaBootstrap());
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("acks", "all");
    return p;
  }

  private static List<String> consumeAll(Endpoints endpoints, String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoints.kafkaBootstrap());
    p.put("group.id", "smoke-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < N && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}
