package io.lambdaretail.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command of the shaded jar in a JVM of its own, with only the jar and what a cluster
 * provides on the class path, as spark-submit would: for tests that kill the driver.
 */
public final class ChildJvm {
  private static final Path PROJECT = Path.of(System.getProperty("lr.project.dir", "."));

  private ChildJvm() {}

  /** Starts {@code lambda-retail ARGS}; stdout and stderr go to {@code log}. */
  public static Process start(Path log, String... args) throws IOException {
    return start(log, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with extra environment variables. */
  public static Process start(Path log, Map<String, String> env, String... args)
      throws IOException {
    Path jar = Path.of(System.getProperty("lr.shaded.jar"));
    String providedCp = Files.readString(Path.of(System.getProperty("lr.provided.cp"))).trim();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "@" + PROJECT.resolve("conf/spark-java17.jvmopts"),
                "-Dlog4j2.configurationFile=" + PROJECT.resolve("conf/log4j2.properties"),
                "-cp",
                jar + ":" + providedCp,
                "io.lambdaretail.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }
}
