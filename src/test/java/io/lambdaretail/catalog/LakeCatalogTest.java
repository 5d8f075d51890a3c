package io.lambdaretail.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(SharedSpark.class)
class LakeCatalogTest {
  // one lake for the class: the refused statements must leave it as it is
  @TempDir static Path lake;
  private static LakeCatalog catalog;
  private static SparkSession spark;

  @BeforeAll
  static void lake(SparkSession session) throws Exception {
    spark = session;
    spark
        .sql("SELECT 'clicks' AS topic, 1L AS offset")
        .write()
        .format("delta")
        .save(lake.resolve("raw").toString());
    spark
        .sql("SELECT 'clicks' AS topic, 'bad' AS reason")
        .write()
        .format("delta")
        .save(lake.resolve("dead_letters").toString());
    spark
        .sql("SELECT 1L AS id, 'home' AS page UNION ALL SELECT 2L, 'cart'")
        .write()
        .format("delta")
        .save(lake.resolve("topics/clicks").toString());
    Files.createDirectories(lake.resolve("not_a_table"));
    catalog = new LakeCatalog(spark, lake.toString());
  }

  @Test
  void listsLakeTablesFirstThenTopicsWithRowCounts() {
    assertThat(catalog.tables().keySet()).containsExactly("raw", "dead_letters", "clicks");
    List<Map<String, Object>> described = catalog.describe();
    assertThat(described.get(2)).containsEntry("table", "clicks").containsEntry("rows", 2L);
  }

  @Test
  void showsColumnsAndRefusesUnknownTables() {
    assertThat(catalog.columns("clicks"))
        .extracting(c -> c.get("column") + ":" + c.get("type"))
        .containsExactly("id:bigint", "page:string");
    assertThatThrownBy(() -> catalog.columns("orders"))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("No table 'orders'");
  }

  @Test
  void queriesSeeEveryTableByName() {
    List<Row> rows =
        catalog.query("SELECT c.page FROM clicks c JOIN raw r ON c.id = r.offset").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("home");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO clicks VALUES (3, 'x')",
        "DELETE FROM clicks WHERE id = 1",
        "UPDATE clicks SET page = 'x'",
        "MERGE INTO clicks t USING raw s ON t.id = s.offset WHEN MATCHED THEN DELETE",
        "DROP TABLE clicks",
        "CREATE TABLE t AS SELECT * FROM clicks",
        "SET spark.sql.shuffle.partitions = 1",
        "CACHE TABLE clicks",
        "OPTIMIZE clicks",
        "VACUUM clicks",
        "/* SELECT */ TRUNCATE TABLE clicks",
        "WITH x AS (SELECT 1) INSERT INTO clicks SELECT 1, 'a' FROM x"
      })
  void refusesStatementsThatWrite(String sql) {
    assertThatThrownBy(() -> catalog.query(sql))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageStartingWith("catalog query is read-only");
    assertThat(spark.read().format("delta").load(lake.resolve("topics/clicks").toString()).count())
        .isEqualTo(2);
  }

  @Test
  void refusesFunctionsThatRunJvmCode() {
    assertThatThrownBy(
            () -> catalog.query("SELECT reflect('java.lang.System', 'getenv', 'HOME') FROM raw"))
        .hasMessageContaining("function reflect can run JVM code");
  }

  @Test
  void invalidSqlIsAConfigErrorWithTheParsersMessage() {
    assertThatThrownBy(() -> catalog.query("SELEKT 1"))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageStartingWith("Not valid SQL: ")
        .hasMessageContaining("Syntax error at or near 'SELEKT'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM text.`/etc/passwd`",
        "SELECT * FROM parquet.`/tmp`",
        "SELECT * FROM csv.`/etc/hosts`",
        "SELECT * FROM json.`/etc`",
        "SELECT * FROM binaryFile.`/etc/passwd`",
        "SELECT * FROM orc.`/tmp`",
        "SELECT * FROM avro.`/tmp`",
        "SELECT * FROM delta.`LAKE/topics/clicks`",
        "SELECT * FROM spark_catalog.default.clicks",
        "SELECT * FROM clicks JOIN text.`/etc/passwd` ON true",
        "SELECT * FROM clicks WHERE id IN (SELECT 1 FROM text.`/etc/passwd`)",
        "WITH x AS (SELECT * FROM text.`/etc/passwd`) SELECT * FROM x",
        "WITH x AS (SELECT * FROM clicks), y AS (SELECT * FROM csv.`/etc`) SELECT * FROM x",
        "SELECT * FROM not_a_lake_table"
      })
  void readsOnlyTheLakesTables(String sql) {
    assertThatThrownBy(() -> catalog.query(sql.replace("LAKE", lake.toString())))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageStartingWith("catalog query is read-only: it can read only the lake's tables")
        .hasMessageContaining("[clicks, dead_letters, raw]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM IDENTIFIER('text.`/etc/passwd`')",
        "SELECT IDENTIFIER('reflect')('java.lang.System', 'getenv', 'HOME') FROM raw"
      })
  void identifierClausesAreRefused(String sql) {
    assertThatThrownBy(() -> catalog.query(sql))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("IDENTIFIER(...) is not allowed");
  }

  @Test
  void tableFunctionsOtherThanRangeAreRefused() {
    assertThatThrownBy(() -> catalog.query("SELECT * FROM explode(array(1, 2))"))
        .hasMessageContaining("table function explode is not allowed");
    assertThat(catalog.query("SELECT count(*) FROM range(3)").first().getLong(0)).isEqualTo(3);
  }

  @Test
  void namesDefinedWithWithAreReadable() {
    assertThat(
            catalog
                .query("WITH c AS (SELECT * FROM Clicks) SELECT count(*) FROM c")
                .first()
                .getLong(0))
        .isEqualTo(2);
  }
}
