package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.cli.Main;
import io.lambdaretail.testing.Endpoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Kafka topics, records and Cassandra reads for the serving ITs. */
final class ServingFixtures {
  private ServingFixtures() {}

  /** Deletes the topics if they exist and waits until the broker no longer lists them. */
  static void deleteTopics(Endpoints endpoints, String... topics) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap());
    try (AdminClient admin = AdminClient.create(p)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<String> doomed = List.of(topics).stream().filter(existing::contains).toList();
      if (doomed.isEmpty()) {
        return;
      }
      admin.deleteTopics(doomed).all().get(30, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .anyMatch(doomed::contains)) {
        assertThat(System.nanoTime()).as("topics deleted in time").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  /** Sends the values through the {@code produce} command, one line each. */
  static void produce(Endpoints endpoints, Path dir, String topic, List<String> values)
      throws Exception {
    Path file = Files.createTempFile(dir, "records", ".ndjson");
    Files.write(file, values, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "produce",
            "--bootstrap",
            endpoints.kafkaBootstrap(),
            "--topic",
            topic,
            "--input",
            file.toString());
    assertThat(code).as("produce: %s", err).isZero();
  }

  static CqlSession cql(SparkSession spark, Endpoints endpoints) {
    SparkConf conf =
        spark
            .sparkContext()
            .getConf()
            .clone()
            .set("spark.cassandra.connection.host", endpoints.cassandraHost())
            .set("spark.cassandra.connection.port", String.valueOf(endpoints.cassandraPort()));
    return CassandraConnector.apply(conf).openSession();
  }

  /** Every row of a table as column -> value text, in the table's order. */
  static List<Map<String, String>> rows(CqlSession session, String cql) {
    List<Map<String, String>> out = new ArrayList<>();
    for (com.datastax.oss.driver.api.core.cql.Row r : session.execute(cql)) {
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < r.getColumnDefinitions().size(); i++) {
        Object v = r.getObject(i);
        row.put(r.getColumnDefinitions().get(i).getName().asInternal(), String.valueOf(v));
      }
      out.add(row);
    }
    return out;
  }

  static String view(String user, String browser, String product, String time) {
    String u = user == null ? "null" : "\"" + user + "\"";
    return String.format(
        "{\"browser_id\": \"%s\", \"user_id\": %s, \"product_id\": \"%s\", \"timestamp\":"
            + " \"%s\"}",
        browser, u, product, time);
  }

  static String order(String id, String user, String time, String product, int qty, double p) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"user_id\": \"%s\", \"browser_id\": \"b-%s\", \"order_id\": \"%s\", \"timestamp\":"
            + " \"%s\", \"items\": [{\"product_id\": \"%s\", \"quantity\": %d, \"price\": %.2f}]}",
        user,
        user,
        id,
        time,
        product,
        qty,
        p);
  }

  static String deal(String id, String sub, double discount, double price, String updated) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"id\": \"%s\", \"category\": \"fashion\", \"sub_category\": \"%s\", \"title\": \"t\","
            + " \"price\": %.2f, \"discount_percentage\": %.1f, \"number_sold\": 3, \"online\":"
            + " true, \"updated_at\": \"%s\"}",
        id,
        sub,
        price,
        discount,
        updated);
  }
}
