package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SharedSpark;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Write and read Parquet on s3a:// through hadoop-aws against the real S3-compatible server. */
@ExtendWith({LocalServices.S3.class, SharedSpark.class})
class S3SmokeIT {
  @Test
  void writesAndReadsParquetOnS3a(Endpoints endpoints, SparkSession spark) throws Exception {
    S3Settings.apply(spark, endpoints);
    String path = "s3a://" + endpoints.s3Bucket() + "/smoke/" + UUID.randomUUID();
    Dataset<Row> written = spark.range(0, 1000).selectExpr("id", "CAST(id % 7 AS INT) AS bucket");

    written.write().parquet(path);
    Dataset<Row> read = spark.read().parquet(path);

    assertThat(read.count()).as("rows read back from s3a").isEqualTo(1000);
    assertThat(read.groupBy().sum("id").first().getLong(0)).as("sum of ids").isEqualTo(499_500L);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = new Path(path).getFileSystem(hadoop);
    assertThat(fs.exists(new Path(path, "_SUCCESS"))).as("commit marker on the S3 server").isTrue();
  }
}
