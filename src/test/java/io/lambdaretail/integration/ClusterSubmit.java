package io.lambdaretail.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a command on the test Spark cluster as a user would: {@code scripts/submit-emr.sh} with
 * {@code LR_MASTER} set to the cluster and the project's {@code scripts/spark-submit}, the shaded
 * jar and a config file; each application writes a Spark event log, which tells where its tasks
 * ran.
 */
final class ClusterSubmit {
  private static final Path PROJECT = Path.of(System.getProperty("lr.project.dir", "."));
  private static final Pattern WORKER_PORT = Pattern.compile("^https?://[^:/]+:(\\d+)/");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One submission: exit code, stdout, stderr and its application's event log (or null). */
  record Run(int code, String out, String err, Path eventLog) {
    /** The web UI ports of the workers whose executors ran at least one task. */
    Set<Integer> workersWithTasks() throws IOException {
      Map<String, Integer> workerOf = new HashMap<>();
      Set<Integer> used = new HashSet<>();
      try (BufferedReader r = Files.newBufferedReader(eventLog, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          JsonNode e = JSON.readTree(line);
          String event = e.path("Event").asText();
          if (event.equals("SparkListenerExecutorAdded")) {
            String url = e.path("Executor Info").path("Log Urls").path("stderr").asText();
            Matcher m = WORKER_PORT.matcher(url);
            if (m.find()) {
              workerOf.put(e.path("Executor ID").asText(), Integer.parseInt(m.group(1)));
            }
          } else if (event.equals("SparkListenerTaskEnd")) {
            Integer worker = workerOf.get(e.path("Task Info").path("Executor ID").asText());
            if (worker != null) {
              used.add(worker);
            }
          }
        }
      }
      return used;
    }
  }

  private final Path jar;
  private final Path config;
  private final Path events;
  private final String master;

  ClusterSubmit(Path jar, Path config, Path events, String master) {
    this.jar = jar;
    this.config = config;
    this.events = events;
    this.master = master;
  }

  Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  /** Submits {@code args} (a command and its options) with extra environment {@code env}. */
  Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Set<Path> before = eventLogs();
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(PROJECT.resolve("scripts/submit-emr.sh").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(events.getParent(), "submit", ".out");
    Path err = Files.createTempFile(events.getParent(), "submit", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(PROJECT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = pb.environment();
    environment.put("LR_MASTER", master);
    environment.put("LR_DEPLOY_MODE", "client");
    environment.put("LR_JAR", jar.toString());
    environment.put("LR_CONFIG", config.toString());
    environment.put("SPARK_SUBMIT", PROJECT.resolve("scripts/spark-submit").toString());
    environment.putAll(env);
    Process process = pb.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("submit-emr.sh " + String.join(" ", args) + " timed out");
    }
    Set<Path> added = eventLogs();
    added.removeAll(before);
    return new Run(
        process.exitValue(),
        Files.readString(out),
        Files.readString(err),
        added.size() == 1 ? added.iterator().next() : null);
  }

  private Set<Path> eventLogs() throws IOException {
    try (Stream<Path> files = Files.list(events)) {
      return new HashSet<>(files.filter(p -> !p.toString().endsWith(".inprogress")).toList());
    }
  }
}
