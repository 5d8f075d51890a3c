package io.lambdaretail.integration;

import io.lambdaretail.testing.Endpoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/** Points s3a:// at the test S3 server (RECIPES.md section 8.4). */
final class S3Settings {
  private S3Settings() {}

  static void apply(SparkSession spark, Endpoints endpoints) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set("fs.s3a.endpoint", endpoints.s3Endpoint());
    conf.set("fs.s3a.endpoint.region", "us-east-1");
    conf.set("fs.s3a.path.style.access", "true");
    conf.set("fs.s3a.connection.ssl.enabled", "false");
    conf.set(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    conf.set("fs.s3a.access.key", endpoints.s3AccessKey());
    conf.set("fs.s3a.secret.key", endpoints.s3SecretKey());
    conf.set("fs.s3a.change.detection.mode", "warn");
  }
}
