package io.lambdaretail.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The CQL quoting, name checks, replication parsing, table designs and retry policy. */
class CqlTest {
  private static final String INJECTION = "x\"; DROP KEYSPACE k; --";

  @Test
  void quotingKeepsAnyNameOneIdentifier() {
    assertThat(Cql.quote("views")).isEqualTo("\"views\"");
    assertThat(Cql.quote(INJECTION)).isEqualTo("\"x\"\"; DROP KEYSPACE k; --\"");
    assertThat(Cql.qualified("retail", "a\"b")).isEqualTo("\"retail\".\"a\"\"b\"");
    assertThat(TableDesign.addColumnCql("k", "t", INJECTION, "text"))
        .isEqualTo("ALTER TABLE \"k\".\"t\" ADD \"x\"\"; DROP KEYSPACE k; --\" text");
  }

  @Test
  void namesFromDataAreChecked() {
    assertThat(Cql.topicTableProblem(INJECTION)).get().asString().contains("not a valid table");
    assertThat(Cql.topicTableProblem("pdpviews")).isEmpty();
    assertThat(Cql.topicTableProblem("a".repeat(49)))
        .get()
        .asString()
        .contains("longer than Cassandra's 48");
    assertThat(Cql.topicTableProblem("deals_by_category"))
        .get()
        .asString()
        .contains("reserved for a serving table");
    assertThat(Cql.columnProblem(INJECTION)).isPresent();
    assertThat(Cql.keyspaceProblem("retail")).isEmpty();
    assertThat(Cql.keyspaceProblem("Retail")).isPresent();
    assertThat(Cql.keyspaceProblem("k; DROP")).isPresent();
  }

  @Test
  void replicationIsParsedNotPassedThrough() {
    assertThat(Replication.parse("SimpleStrategy:3").toCql())
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 3}");
    assertThat(Replication.parse("NetworkTopologyStrategy:eu-west=3,us_east=2").toCql())
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'eu-west': 3, 'us_east': 2}");
    String injected = "SimpleStrategy:1}; DROP KEYSPACE k";
    assertThatThrownBy(() -> Replication.parse(injected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a replication: use SimpleStrategy:N");
    assertThatThrownBy(() -> Replication.parse("NetworkTopologyStrategy:dc'1=3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a replication");
  }

  @Test
  void servingTablesAreKeyedForTheirQuery() {
    assertThat(ServingTables.deals().createCql("retail"))
        .startsWith("CREATE TABLE IF NOT EXISTS \"retail\".\"deals_by_category\" (")
        .contains(
            "PRIMARY KEY ((\"sub_category\"), \"discount_percentage\", \"price\", \"id\"))"
                + " WITH CLUSTERING ORDER BY (\"discount_percentage\" DESC, \"price\" ASC,"
                + " \"id\" ASC)");
    assertThat(ServingTables.itemActivity().createCql("k"))
        .contains("\"views\" bigint, \"purchases\" bigint, \"units\" bigint, \"revenue\" double")
        .endsWith(
            "PRIMARY KEY ((\"product_id\"), \"hour\")) WITH CLUSTERING ORDER BY (\"hour\" DESC)");
    assertThat(ServingTables.sessions().createCql("k"))
        .contains("\"products\" list<text>")
        .endsWith(
            "PRIMARY KEY ((\"user_id\"), \"session_start\")) WITH CLUSTERING ORDER BY"
                + " (\"session_start\" DESC)");
    assertThat(ServingTables.trends().primaryKey()).containsExactly("window_start", "category");
    assertThat(ServingTables.createKeyspaceCql("retail", Replication.parse("SimpleStrategy:1")))
        .isEqualTo(
            "CREATE KEYSPACE IF NOT EXISTS \"retail\" WITH replication ="
                + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
    assertThatThrownBy(() -> new TableDesign("t", Map.of("a", "text"), List.of("b"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key column 'b' of table 't' is not one of its columns");
  }

  @Test
  void retriesWithDoublingBackOffThenFailsWithOneClearMessage() {
    List<Duration> waits = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retry retry = new Retry(3, Duration.ofMillis(500), "db:9042", waits::add);
    Runnable down =
        () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("wrapped", new RuntimeException("refused"));
        };
    assertThatThrownBy(() -> retry.run("writing k.t", down))
        .isInstanceOf(CassandraUnavailableException.class)
        .hasMessageStartingWith(
            "Cassandra at db:9042 is unavailable: writing k.t failed 4 times (RuntimeException:"
                + " refused)")
        .hasMessageContaining("restart the job with the same --checkpoint");
    assertThat(calls).hasValue(4);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

    AtomicInteger flaky = new AtomicInteger();
    new Retry(3, Duration.ofMillis(1), "db", d -> {})
        .run(
            "x",
            () -> {
              if (flaky.incrementAndGet() < 3) {
                throw new IllegalStateException("down");
              }
            });
    assertThat(flaky).as("succeeds on the third attempt").hasValue(3);
  }
}
