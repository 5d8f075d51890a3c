package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.serving.ServingOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Cassandra options of {@code stream}: parsed, defaulted, and rejected before Spark starts. */
class StreamCassandraOptionsTest {
  private static final String[] BASE = {
    "stream",
    "--bootstrap",
    "localhost:9092",
    "--topics",
    "pdpviews",
    "--lake",
    "/tmp/l",
    "--checkpoint",
    "/tmp/c"
  };

  private static String[] args(String... more) {
    return Stream.concat(Stream.of(BASE), Stream.of(more)).toArray(String[]::new);
  }

  private static ServingOptions parse(String... more) {
    return stream(more).cassandra();
  }

  private static io.lambdaretail.stream.StreamOptions stream(String... more) {
    CommandLine cmd =
        Main.commandLine(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            ConfigResolver.empty());
    CommandLine.ParseResult parsed = cmd.parseArgs(args(more));
    StreamCommand stream = (StreamCommand) parsed.subcommand().commandSpec().userObject();
    return stream.options();
  }

  private static String error(String... more) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args(more));
    assertThat(code).as("exit code for %s", List.of(more)).isEqualTo(2);
    return err.toString();
  }

  @Test
  void withoutCassandraHostTheStreamWritesTheLakeOnly() {
    assertThat(parse()).isNull();
  }

  @Test
  void theLakeQueryRunsAtTheTriggerUnlessGivenItsOwn() {
    assertThat(stream("--trigger", "1s").lakeTrigger()).isNull();
    assertThat(stream("--trigger", "1s").trigger()).isEqualTo(Duration.ofSeconds(1));
    assertThat(stream("--trigger", "1s", "--lake-trigger", "30s").lakeTrigger())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void defaultsAndGivenValues() {
    ServingOptions o =
        parse(
            "--cassandra-host",
            "10.0.0.5",
            "--keyspace",
            "retail",
            "--cassandra-key",
            "deals=id",
            "--session-gap",
            "10m",
            "--cassandra-replication",
            "NetworkTopologyStrategy:dc1=3");
    assertThat(o.host()).isEqualTo("10.0.0.5");
    assertThat(o.port()).isEqualTo(9042);
    assertThat(o.keyspace()).isEqualTo("retail");
    assertThat(o.topicKeys()).containsEntry("deals", List.of("id"));
    assertThat(o.sessionGap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.trendWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(o.trendTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(o.retries()).isEqualTo(5);
    assertThat(o.replication().toCql()).contains("'dc1': 3");
    assertThat(o.itemCategories()).isNull();
    assertThat(o.topicTables()).as("every topic has its own table by default").isNull();
    assertThat(o.hasTopicTable("anything")).isTrue();
  }

  @Test
  void topicTablesCanBeChosenOrSwitchedOff() {
    String[] base = {
      "--topics",
      "deals,transactions",
      "--cassandra-host",
      "h",
      "--keyspace",
      "k",
      "--cassandra-topic-tables"
    };
    ServingOptions none = parse(concat(base, "none"));
    assertThat(none.topicTables()).isEmpty();
    assertThat(none.hasTopicTable("pdpviews")).isFalse();
    ServingOptions some = parse(concat(base, "deals, transactions"));
    assertThat(some.topicTables()).containsExactlyInAnyOrder("deals", "transactions");
    assertThat(some.hasTopicTable("pdpviews")).isFalse();
    assertThat(some.hasTopicTable("deals")).isTrue();
    assertThat(error(concat(base, "deals,,x")))
        .contains("for --cassandra-topic-tables: use all, none or topic names");
    assertThat(error(concat(base, "item_activity_by_hour")))
        .contains("for --cassandra-topic-tables");
    assertThat(error("--cassandra-topic-tables", "none"))
        .contains("the Cassandra options need --cassandra-host H --keyspace K");
    assertThat(error(concat(base, "deals,orders")))
        .as("a table for a topic the stream does not read")
        .contains("for --cassandra-topic-tables: orders is not among --topics");
  }

  private static String[] concat(String[] base, String last) {
    return Stream.concat(Stream.of(base), Stream.of(last)).toArray(String[]::new);
  }

  @Test
  void badCassandraOptionsExitTwoWithOneLine() {
    assertThat(error("--cassandra-host", "h"))
        .contains("Invalid value 'null' for --keyspace: --cassandra-host needs --keyspace K");
    assertThat(error("--keyspace", "retail"))
        .contains("the Cassandra options need --cassandra-host H --keyspace K");
    assertThat(error("--cassandra-host", "h", "--keyspace", "k\"; DROP KEYSPACE x"))
        .contains("for --keyspace: use a lower-case letter");
    assertThat(error("--cassandra-host", "h", "--keyspace", "k", "--cassandra-replication", "3"))
        .contains("is not a replication: use SimpleStrategy:N");
    assertThat(error("--cassandra-host", "h", "--keyspace", "k", "--cassandra-key", "deals=a b"))
        .contains("for --cassandra-key: key 'a b' is not a valid column name");
    assertThat(error("--cassandra-host", "h", "--keyspace", "k", "--item-categories", "/no/file"))
        .contains("--item-categories '/no/file' matches no readable file");
  }
}
