package io.lambdaretail.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LakeNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"pdpviews", "clicks_v2", "a", "orders2026"})
  void topicsThatNameTables(String topic) {
    assertThat(LakeNames.tableNameProblem(topic)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Orders",
        "shop.orders",
        "shop-orders",
        "2fast",
        "_private",
        "x\"; DROP KEYSPACE k; --",
        "x`; DROP TABLE raw; --"
      })
  void topicsThatCannotNameTables(String topic) {
    assertThat(LakeNames.tableNameProblem(topic))
        .hasValueSatisfying(p -> assertThat(p).contains("is not a valid table name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw", "dead_letters", "topics", "sessions"})
  void lakeTablesAreReserved(String topic) {
    assertThat(LakeNames.tableNameProblem(topic))
        .hasValueSatisfying(p -> assertThat(p).contains("reserved"));
  }

  @Test
  void keysFollowTheColumnRule() {
    assertThat(LakeNames.columnNameProblem("userId")).isEmpty();
    assertThat(LakeNames.columnNameProblem("price_2")).isEmpty();
    assertThat(LakeNames.columnNameProblem("a b")).isPresent();
    assertThat(LakeNames.columnNameProblem("x\"; DROP KEYSPACE k; --")).isPresent();
    assertThat(LakeNames.columnNameProblem("")).isPresent();
    assertThat(LakeNames.columnNameProblem("Kafka_offset"))
        .hasValueSatisfying(p -> assertThat(p).contains("reserved for the job"));
  }

  @Test
  void controlCharactersInNamesAreEscapedInMessages() {
    assertThat(LakeNames.tableNameProblem("a\nb"))
        .hasValueSatisfying(p -> assertThat(p).contains("a\\u000ab").doesNotContain("\n"));
  }

  @Test
  void sqlQuotingDoublesBackticks() {
    assertThat(LakeNames.quoteSql("a`b")).isEqualTo("`a``b`");
    assertThat(LakeNames.quoteSql("pdpviews")).isEqualTo("`pdpviews`");
  }
}
