package io.lambdaretail.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a command's final JSON summary on stdout and, with {@code --metrics-out}, to a file, so
 * that Airflow or a cron wrapper can read counts, timings and output paths.
 */
public final class Summaries {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Summaries() {}

  /** Emits {@code {"command": ..., "status": "ok", ...summary}}. */
  public static void emit(CommandSpec spec, CommonOptions common, Map<String, Object> summary) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("command", spec.name());
    doc.put("status", "ok");
    doc.putAll(summary);
    String json = toJson(doc);
    spec.commandLine().getOut().println(json);
    spec.commandLine().getOut().flush();
    if (common.metricsOut() != null) {
      MetricsFile.write(common.metricsOut(), json);
    }
  }

  static String toJson(Map<String, Object> doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("summary is not serialisable: " + e.getMessage(), e);
    }
  }
}
