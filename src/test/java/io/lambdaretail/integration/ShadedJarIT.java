package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar users pass to spark-submit: with only it and what the cluster provides on the class path
 * (no Maven test class path), {@code format("kafka")} and {@code
 * format("org.apache.spark.sql.cassandra")} resolve, and xz is relocated.
 */
class ShadedJarIT {
  private static final Path PROJECT = Path.of(System.getProperty("lr.project.dir", "."));
  private static final Path JAR = Path.of(System.getProperty("lr.shaded.jar"));
  private static final Path PROVIDED_CP = Path.of(System.getProperty("lr.provided.cp"));

  @Test
  void kafkaAndCassandraFormatsResolveFromTheShadedJar() throws Exception {
    Path probeClasses = PROJECT.resolve("target/test-classes");
    String classPath = JAR + ":" + Files.readString(PROVIDED_CP).trim() + ":" + probeClasses;
    List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m"));
    command.add("@" + PROJECT.resolve("conf/spark-java17.jvmopts"));
    command.addAll(
        List.of(
            "-cp",
            classPath,
            FormatProbe.class.getName(),
            "kafka",
            "org.apache.spark.sql.cassandra"));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("probe finished").isTrue();

    assertThat(process.exitValue()).as("probe exit code; output:%n%s", output).isZero();
    assertThat(output)
        .contains("kafka=org.apache.spark.sql.kafka010.KafkaSourceProvider")
        .contains("org.apache.spark.sql.cassandra=org.apache.spark.sql.cassandra.DefaultSource");
  }

  @Test
  void bundlesConnectorsRelocatesXzAndLeavesOutTheCluster() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/lambdaretail/shaded/xz/XZInputStream.class"))
          .as("relocated xz")
          .isNotNull();
      assertThat(jar.getEntry("org/tukaani/xz/XZInputStream.class")).as("unrelocated xz").isNull();
      assertThat(jar.getEntry("picocli/CommandLine.class")).as("picocli").isNotNull();
      assertThat(jar.getEntry("org/apache/spark/sql/SparkSession.class"))
          .as("Spark (provided)")
          .isNull();
      assertThat(jar.getEntry("org/apache/hadoop/fs/s3a/S3AFileSystem.class"))
          .as("hadoop-aws (provided)")
          .isNull();
      assertThat(jar.getEntry("io/delta/tables/DeltaTable.class")).as("Delta (provided)").isNull();
      assertThat(jar.getEntry("scala/Predef.class")).as("Scala library (provided)").isNull();
      String services =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(services)
          .as("merged DataSourceRegister")
          .contains("org.apache.spark.sql.kafka010.KafkaSourceProvider");
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
