package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-hybrid --master local[1]} as a user runs it (the shaded jar in a JVM of its own):
 * two runs with the same seed save identical embeddings and biases, a third with another seed does
 * not. The unit tests cover the same on the shared local[2] session with fixed partitions.
 */
@ExtendWith(SharedSpark.class)
class HybridDeterminismIT {
  private static final String[] SIDES = {"user_features", "item_features"};

  @TempDir Path dir;

  @Test
  void sameSeedOnLocalOneGivesTheSameModel(SparkSession spark) throws Exception {
    Path pairs = write("pairs.csv", pairs());
    Path items = write("items.csv", items());

    // two drivers at once: the same result whatever else the machine does
    Process first = start(pairs, items, "first");
    Process second = start(pairs, items, "second");
    finish(first, "first");
    finish(second, "second");

    for (String side : SIDES) {
      Dataset<Row> a = factors(spark, dir.resolve("first"), side);
      Dataset<Row> b = factors(spark, dir.resolve("second"), side);
      assertThat(a.count()).as("%s rows", side).isPositive().isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as("%s: same seed, same parameters", side).isZero();
    }
  }

  private Process start(Path pairs, Path items, String name) throws IOException {
    return ChildJvm.start(
        dir.resolve(name + ".log"),
        "train-hybrid",
        "--master",
        "local[1]",
        "--interactions",
        pairs.toString(),
        "--item-features",
        items.toString(),
        "--split",
        "last-k",
        "--last-k",
        "1",
        "--epochs",
        "5",
        "--components",
        "8",
        "--no-als",
        "--cold-item-share",
        "0",
        "--seed",
        "1",
        "--model-out",
        dir.resolve(name).toString());
  }

  private void finish(Process p, String name) throws Exception {
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("train-hybrid %s finished", name).isTrue();
    assertThat(p.exitValue())
        .as("exit code; output:%n%s", Files.readString(dir.resolve(name + ".log")))
        .isZero();
  }

  private static Dataset<Row> factors(SparkSession spark, Path model, String side) {
    return spark.read().parquet(model.resolve("hybrid").resolve(side).toString());
  }

  /** 60 users with 6-12 items each out of 40, drawn with a fixed seed. */
  private static List<String> pairs() {
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of("user_id,item_id,weight,timestamp"));
    long t = 1_700_000_000L;
    for (int u = 0; u < 60; u++) {
      int n = 6 + random.nextInt(7);
      for (int j = 0; j < n; j++) {
        lines.add("u" + u + ",i" + random.nextInt(40) + ",1," + t++);
      }
    }
    return lines;
  }

  private static List<String> items() {
    List<String> lines = new ArrayList<>(List.of("id,feature"));
    for (int i = 0; i < 40; i++) {
      lines.add("i" + i + ",category=c" + (i % 4));
    }
    return lines;
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }
}
