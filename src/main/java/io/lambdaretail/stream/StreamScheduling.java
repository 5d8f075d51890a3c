package io.lambdaretail.stream;

import io.lambdaretail.spark.SparkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The two queries of {@code stream} share the cores through Spark's fair scheduler: the speed
 * layer's pool is guaranteed a core and weighs four times the lake's, so its small micro-batches do
 * not queue behind the lake query's Delta work. A user's own scheduler settings win.
 */
public final class StreamScheduling {
  static final String LAKE_POOL = "lake";
  static final String SERVING_POOL = "serving";
  private static final String MODE = "spark.scheduler.mode";
  private static final String FILE = "spark.scheduler.allocation.file";
  private static final String POOLS =
      "<?xml version=\"1.0\"?>\n<allocations>\n"
          + "  <pool name=\"serving\"><schedulingMode>FIFO</schedulingMode><weight>4</weight>"
          + "<minShare>1</minShare></pool>\n"
          + "  <pool name=\"lake\"><schedulingMode>FIFO</schedulingMode><weight>1</weight>"
          + "<minShare>0</minShare></pool>\n"
          + "</allocations>\n";

  private StreamScheduling() {}

  /** The settings with the fair scheduler and the two pools, unless the user set a mode. */
  public static SparkSettings withPools(SparkSettings settings) {
    if (settings.conf().containsKey(MODE) || System.getProperty(MODE) != null) {
      return settings;
    }
    Map<String, String> conf = new HashMap<>(settings.conf());
    conf.put(MODE, "FAIR");
    conf.putIfAbsent(FILE, poolsFile().toString());
    return new SparkSettings(settings.appName(), settings.master(), conf);
  }

  /** Jobs of queries this thread starts from now on run in {@code pool}; null: the default. */
  static void pool(SparkSession spark, String pool) {
    spark.sparkContext().setLocalProperty("spark.scheduler.pool", pool);
  }

  private static Path poolsFile() {
    try {
      Path file = Files.createTempFile("lambda-retail-pools", ".xml");
      Files.writeString(file, POOLS, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scheduler pools file", e);
    }
  }
}
