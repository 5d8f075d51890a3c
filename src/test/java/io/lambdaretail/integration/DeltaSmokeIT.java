package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.lambdaretail.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Write and read a Delta table, and see its transaction log. */
@ExtendWith(SharedSpark.class)
class DeltaSmokeIT {
  @Test
  void writesAppendsAndReadsADeltaTable(SparkSession spark, @TempDir Path dir) {
    String path = dir.resolve("events").toString();

    spark.range(0, 100).selectExpr("id", "'a' AS kind").write().format("delta").save(path);
    spark
        .range(100, 150)
        .selectExpr("id", "'b' AS kind")
        .write()
        .format("delta")
        .mode("append")
        .save(path);

    assertThat(spark.read().format("delta").load(path).count())
        .as("rows after two commits")
        .isEqualTo(150);
    assertThat(DeltaTable.isDeltaTable(spark, path)).as("is a Delta table").isTrue();
    assertThat(DeltaTable.forPath(spark, path).history().count())
        .as("commits in the log")
        .isEqualTo(2);
    assertThat(spark.read().format("delta").option("versionAsOf", 0).load(path).count())
        .as("time travel to the first commit")
        .isEqualTo(100);
  }
}
