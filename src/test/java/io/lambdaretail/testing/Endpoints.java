package io.lambdaretail.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the test servers listen, as {@code scripts/services.sh} wrote it to endpoints.properties.
 */
public record Endpoints(
    String kafkaBootstrap,
    String cassandraHost,
    int cassandraPort,
    String s3Endpoint,
    String s3Bucket,
    String s3AccessKey,
    String s3SecretKey,
    String sparkMaster) {

  static Endpoints read(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Endpoints(
        p.getProperty("kafka.bootstrap"),
        p.getProperty("cassandra.host"),
        Integer.parseInt(p.getProperty("cassandra.port", "0")),
        p.getProperty("s3.endpoint"),
        p.getProperty("s3.bucket"),
        p.getProperty("s3.access-key"),
        LocalServices.S3_SECRET_KEY,
        p.getProperty("spark.master"));
  }
}
