package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each class of mistake (unsafe outputs, a master Spark would refuse) is refused before Spark
 * starts, with exit 2, one line on stderr, and every file that was there byte for byte as it was.
 */
class MistakesCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void fixtures() throws IOException {
    Files.writeString(
        dir.resolve("sales.csv"), "date,store_id,product_id,quantity\n2024-01-01,1,2,3\n");
    Files.writeString(dir.resolve("interactions.csv"), "user_id,item_id,weight\nu1,i1,1\n");
    Files.writeString(dir.resolve("features.csv"), "item_id,category\ni1,toys\n");
    Files.writeString(dir.resolve("day.ndjson"), "{}\n");
    model("als-model", "als");
    model("sales-model", "sales-regression");
    Path mine = Files.createDirectories(dir.resolve("mine/photos"));
    // the first bytes of a JPEG: binary, with NULs, not UTF-8
    Files.write(
        mine.resolve("cat.jpg"),
        new byte[] {
          (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'
        });
    Files.writeString(dir.resolve("mine/notes.txt"), "keep me");
    Files.writeString(dir.resolve("report.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("m2_checkpoints"), "a file where checkpoints would go\n");
    Files.createDirectories(dir.resolve("lake/raw/_delta_log"));
    Files.writeString(dir.resolve("lake/raw/_delta_log/00000000000000000000.json"), "{}\n");
    Files.writeString(dir.resolve("summary.txt"), "my own notes, not a summary\n");
  }

  private void model(String name, String kind) throws IOException {
    Path m = Files.createDirectories(dir.resolve(name));
    Files.writeString(m.resolve("metadata.json"), "{\"kind\": \"" + kind + "\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "recommend into a directory of the user's files"
            + " | recommend --model D/als-model --out D/mine"
            + " | Invalid value 'D/mine' for --out: it holds 2 entries this command did not write",
        "recommend over a regular file"
            + " | recommend --model D/als-model --out D/report.csv"
            + " | Invalid value 'D/report.csv' for --out: it is a file",
        "predict-sales into a directory of the user's files"
            + " | predict-sales --model D/sales-model --input D/sales.csv --output D/mine"
            + " | for --output: it holds 2 entries",
        "train-sales into the working directory, even with --overwrite"
            + " | train-sales D/sales.csv --model-out . --overwrite"
            + " | Invalid value '.' for --model-out: it is the working directory",
        "train-als over a model of another kind"
            + " | train-als --interactions D/interactions.csv --model-out D/sales-model"
            + " | it holds an output of kind 'sales-regression', not an earlier output of this",
        "train-hybrid into a lake, even with --overwrite"
            + " | train-hybrid --interactions D/interactions.csv --model-out D/lake --overwrite"
            + " | it holds a Delta table or a lake",
        "train-sales with its quarantine in the user's files"
            + " | train-sales D/sales.csv --model-out D/new --quarantine D/mine"
            + " | for --quarantine: it holds 2 entries",
        "ingest into a directory of the user's files"
            + " | ingest --source pdpviews --input D/day.ndjson --output D/mine"
            + " | for --output: it holds 2 entries this command did not write",
        "a metrics file that is not a summary"
            + " | train-sales D/sales.csv --model-out D/new --metrics-out D/summary.txt"
            + " | for --metrics-out: the file exists and is not an earlier summary of train-sales",
        "stream into a directory of the user's files"
            + " | stream --bootstrap 127.0.0.1:1 --topics a --lake D/mine --checkpoint D/cp"
            + " | for --lake: it holds 2 entries this command did not write (notes.txt, photos/)",
        "stream with its checkpoint in a model"
            + " | stream --bootstrap 127.0.0.1:1 --topics a --lake D/lake2 --checkpoint D/als-model"
            + " | for --checkpoint: it holds an output of kind 'als'",
        "train-als given a binary file as interactions"
            + " | train-als --interactions D/mine/photos/cat.jpg --model-out D/new"
            + " | for --interactions: it is neither CSV (named .csv) nor Parquet",
        "train-als given a features CSV as interactions"
            + " | train-als --interactions D/features.csv --model-out D/new"
            + " | lacks the required column(s) [user_id, weight]",
        "train-hybrid given a model directory as interactions"
            + " | train-hybrid --interactions D/als-model --model-out D/new"
            + " | for --interactions: it is a model or output directory",
        "train-hybrid with a features file that is not there"
            + " | train-hybrid --interactions D/interactions.csv --item-features D/nope.csv"
            + " --model-out D/new"
            + " | --item-features",
        "recommend given a binary file as users"
            + " | recommend --model D/als-model --users D/mine/photos/cat.jpg --out D/new"
            + " | for --users: it is not CSV text: its first line is binary",
        "recommend given a model directory as users"
            + " | recommend --model D/als-model --users D/sales-model --out D/new"
            + " | for --users: it is a model or output directory",
        "recommend given a table without user ids as users"
            + " | recommend --model D/als-model --users D/features.csv --out D/new"
            + " | lacks the required column(s) [user_id]",
        "predict-sales given a model directory as input"
            + " | predict-sales --model D/sales-model --input D/als-model --output D/new"
            + " | for --input: it is a model or output directory",
        "train-sales given a binary file"
            + " | train-sales D/mine/photos/cat.jpg --model-out D/new"
            + " | it is not CSV text: its first line is binary",
        "train-als checkpointing into the user's files"
            + " | train-als --interactions D/interactions.csv --model-out D/new --checkpoint-dir D/mine"
            + " | for --checkpoint-dir: it holds 2 entries this command did not write",
        "train-hybrid checkpointing into a file beside the model"
            + " | train-hybrid --interactions D/interactions.csv --model-out D/m2"
            + " | Invalid value 'D/m2_checkpoints' for the checkpoints beside --model-out: it is a"
            + " file",
        "a Spark master Spark would refuse"
            + " | train-sales D/sales.csv --model-out D/new --master local[x]"
            + " | Invalid value 'local[x]' for --master: use local, local[N]",
        "a metrics file that is a directory"
            + " | recommend --model D/als-model --out D/new --metrics-out D/mine"
            + " | for --metrics-out: it is a directory",
      })
  void isRefusedWithExit2OneLineAndNothingChanged(String mistake, String args, String message)
      throws IOException {
    Map<Path, byte[]> before = snapshot();
    String[] argv = args.replace("D/", dir + "/").trim().split(" +");

    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), argv);

    assertThat(code).as("%s; err: %s", mistake, err).isEqualTo(ExitCodes.INVALID_INPUT);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).as(mistake).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: ").contains(message.replace("D/", dir + "/"));
    Map<Path, byte[]> after = snapshot();
    assertThat(after.keySet()).as("no file added or removed").isEqualTo(before.keySet());
    before.forEach((p, bytes) -> assertThat(after.get(p)).as("%s", p).isEqualTo(bytes));
  }

  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(paths::add);
    }
    for (Path p : paths) {
      files.put(p, Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
    }
    return files;
  }
}
