package io.lambdaretail.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.config.Errors;
import io.lambdaretail.config.PipelineConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Output directories a command writes only where that is safe: a path that does not exist, an empty
 * directory, or an earlier output of the same kind, recognised by the marker file {@value #MARKER}
 * every output gets (or, for models written before it, their {@code metadata.json}'s {@code kind});
 * anything else only with {@code --overwrite}, and never the file system's root, the working
 * directory, the home directory or their parents, or a directory holding a Delta table or a lake.
 * {@link #check} runs before Spark starts.
 *
 * <p>{@link #replace} writes the new output into a sibling and renames it into place, so a run that
 * fails half-way leaves the old output whole (Spark's and Delta's own overwrite modes clear the
 * target first).
 */
public final class SafeOutput {
  /** Marks a directory as a command's output: {@code {"kind": ..., "command": ...}}. */
  public static final String MARKER = "_lambda_retail.json";

  private static final String MODEL_METADATA = InputFiles.MODEL_METADATA;
  private static final String DELTA_LOG = "_delta_log";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LISTED = 3;
  private static final Pattern SPARK_CHECKPOINT =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
  private static final String OVERWRITE_HINT =
      "; choose a new path, or pass --overwrite to replace it";

  private SafeOutput() {}

  /**
   * Refuses (exit 2) an output path that is not safe for an output of {@code kind}.
   *
   * @param option the option that named it, for the message
   * @param overwrite the user passed {@code --overwrite}: replace other contents too
   */
  public static void check(
      Configuration conf, String option, String path, String kind, boolean overwrite) {
    check(conf, option, path, kind, overwrite ? null : OVERWRITE_HINT, children -> false);
  }

  /**
   * Refuses (exit 2) a table path that is neither new nor a table of {@code kind} this command adds
   * to: its marker's, or (tables written before markers) a directory of {@code partitionColumn=...}
   * partitions only. There is no --overwrite for a table: a user's other directory is never merged
   * into.
   */
  public static void checkTable(
      Configuration conf, String option, String path, String kind, String partitionColumn) {
    String prefix = partitionColumn + "=";
    checkLayout(conf, option, path, kind, name -> name.startsWith(prefix));
  }

  /**
   * Refuses (exit 2) a directory a command adds to (a lake, a checkpoint) unless it is new, marked
   * as {@code kind}, or holds only entries {@code known} accepts (hidden ones aside).
   */
  public static void checkLayout(
      Configuration conf,
      String option,
      String path,
      String kind,
      java.util.function.Predicate<String> known) {
    check(
        conf,
        option,
        path,
        kind,
        "; choose a new path",
        children ->
            Arrays.stream(children)
                .map(c -> c.getPath().getName())
                .filter(n -> !n.startsWith("_") && !n.startsWith("."))
                .allMatch(known));
  }

  /**
   * Refuses (exit 2) a directory Spark is to checkpoint into unless it is new or holds only the
   * UUID-named directories {@code SparkContext.setCheckpointDir} makes: Spark adds such a directory
   * to whatever is there, so a user's directory or a regular file would get our files.
   */
  public static void checkCheckpoints(Configuration conf, String option, String path) {
    checkLayout(
        conf, option, path, "spark-checkpoints", name -> SPARK_CHECKPOINT.matcher(name).matches());
  }

  /**
   * @param hint how to get past a refusal (null: --overwrite was given, nothing is refused that it
   *     may replace)
   * @param earlier recognises an earlier output of this kind that has no marker
   */
  private static void check(
      Configuration conf,
      String option,
      String path,
      String kind,
      String hint,
      java.util.function.Predicate<FileStatus[]> earlier) {
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(conf);
      Path qualified = fs.makeQualified(target);
      String never = neverReplaced(qualified);
      if (never != null) {
        throw refused(option, path, never + "; choose a directory of its own for this output");
      }
      if (!fs.exists(qualified)) {
        return;
      }
      FileStatus status = fs.getFileStatus(qualified);
      if (!status.isDirectory()) {
        refuseUnless(hint, option, path, "it is a file");
        return;
      }
      FileStatus[] children = fs.listStatus(qualified);
      String found = kindOf(fs, qualified);
      if (children.length == 0 || kind.equals(found) || (found == null && earlier.test(children))) {
        return;
      }
      if (holdsTable(fs, qualified, children)) {
        throw refused(
            option,
            path,
            "it holds a Delta table or a lake, which no --overwrite replaces; choose a directory"
                + " of its own for this output");
      }
      refuseUnless(hint, option, path, "it holds " + contents(fs, qualified, children));
    } catch (IOException e) {
      throw Errors.invalid(option, path, "cannot check the path (" + e.getMessage() + ")");
    }
  }

  /**
   * Writes an output of {@code kind} to {@code path} through {@code writer}, which is given a new
   * sibling directory to write into; on success the marker goes in and the sibling replaces {@code
   * path}, on failure the sibling is deleted and {@code path} stays as it was.
   */
  public static void replace(
      Configuration conf, String path, String kind, String command, Consumer<String> writer) {
    // the rules no --overwrite lifts hold here too, whoever called without the command's check
    check(conf, "the output", path, kind, true);
    Path target = new Path(path);
    Path staging = sibling(target, "staging");
    FileSystem fs;
    try {
      fs = target.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    boolean done = false;
    try {
      writer.accept(staging.toString());
      fs.mkdirs(staging);
      writeMarker(fs, staging, kind, command);
      swap(fs, staging, target);
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("while replacing " + path, e);
    } finally {
      if (!done) {
        deleteQuietly(fs, staging);
      }
    }
  }

  /** The kind of the output in {@code dir}: its marker's, else a model's metadata's; or null. */
  static String kindOf(FileSystem fs, Path dir) throws IOException {
    for (String file : new String[] {MARKER, MODEL_METADATA}) {
      Path p = new Path(dir, file);
      if (fs.exists(p)) {
        try (InputStream in = fs.open(p)) {
          JsonNode kind = JSON.readTree(in).path("kind");
          return kind.isTextual() ? kind.asText() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          // a file of that name that is not ours: the directory is not an output of ours
          return null;
        }
      }
    }
    return null;
  }

  private static void refuseUnless(String hint, String option, String path, String what) {
    if (hint != null) {
      throw refused(option, path, what + ", not an earlier output of this command" + hint);
    }
  }

  /**
   * Marks {@code dir}, written in place (a table a command adds to), as an output of {@code kind}
   * unless it is marked already.
   */
  public static void mark(Configuration conf, String dir, String kind, String command) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs.exists(path) && !fs.exists(new Path(path, MARKER))) {
        writeMarker(fs, path, kind, command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while marking " + dir, e);
    }
  }

  private static PipelineConfigException refused(String option, String path, String reason) {
    return Errors.invalid(option, path, reason);
  }

  /** Why {@code path} is never an output directory, or null. */
  private static String neverReplaced(Path path) {
    if (path.isRoot()) {
      return "it is the root of its file system";
    }
    if (!"file".equals(path.toUri().getScheme())) {
      return null;
    }
    String target = path.toUri().getPath();
    for (String[] place :
        new String[][] {
          {System.getProperty("user.dir"), "the working directory"},
          {System.getProperty("user.home"), "the home directory"}
        }) {
      if (place[0] == null) {
        continue;
      }
      String dir = new Path(new java.io.File(place[0]).getAbsoluteFile().toURI()).toUri().getPath();
      if (isSameOrParent(target, dir)) {
        return "it is " + place[1] + (dir.equals(target) ? "" : "'s parent");
      }
    }
    return null;
  }

  private static boolean isSameOrParent(String candidate, String dir) {
    String c = candidate.endsWith("/") ? candidate : candidate + "/";
    String d = dir.endsWith("/") ? dir : dir + "/";
    return d.startsWith(c);
  }

  /** A Delta table ({@code _delta_log}) in the directory or one level down (a lake's tables). */
  private static boolean holdsTable(FileSystem fs, Path dir, FileStatus[] children)
      throws IOException {
    for (FileStatus child : children) {
      if (child.getPath().getName().equals(DELTA_LOG)) {
        return true;
      }
      if (child.isDirectory() && fs.exists(new Path(child.getPath(), DELTA_LOG))) {
        return true;
      }
    }
    return false;
  }

  private static String contents(FileSystem fs, Path dir, FileStatus[] children)
      throws IOException {
    String kind = kindOf(fs, dir);
    if (kind != null) {
      return "an output of kind '" + kind + "'";
    }
    String names =
        Arrays.stream(children)
            .map(c -> c.getPath().getName() + (c.isDirectory() ? "/" : ""))
            .sorted()
            .limit(LISTED)
            .collect(Collectors.joining(", "));
    return children.length
        + " entries this command did not write ("
        + names
        + (children.length > LISTED ? ", ..." : "")
        + ")";
  }

  private static void writeMarker(FileSystem fs, Path dir, String kind, String command)
      throws IOException {
    String json = JSON.createObjectNode().put("kind", kind).put("command", command).toString();
    try (OutputStream out = fs.create(new Path(dir, MARKER), true)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Moves {@code target} aside, {@code staging} into its place, then deletes the old output. */
  private static void swap(FileSystem fs, Path staging, Path target) throws IOException {
    Path old = null;
    if (fs.exists(target)) {
      old = sibling(target, "old");
      if (!fs.rename(target, old)) {
        throw new IOException("cannot move " + target + " aside to " + old);
      }
    } else if (target.getParent() != null) {
      fs.mkdirs(target.getParent());
    }
    if (!fs.rename(staging, target)) {
      if (old != null) {
        // put the old output back: the run failed, the user keeps what they had
        fs.rename(old, target);
      }
      throw new IOException("cannot rename " + staging + " to " + target);
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }

  private static Path sibling(Path target, String what) {
    // visible, not hidden: what a killed run leaves behind is there to see and delete
    String name =
        target.getName() + "." + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path parent = target.getParent();
    return parent == null ? new Path(name) : new Path(parent, name);
  }

  private static void deleteQuietly(FileSystem fs, Path path) {
    try {
      fs.delete(path, true);
    } catch (IOException e) {
      // the failure being reported matters more; the staging directory is named in the log
      org.slf4j.LoggerFactory.getLogger(SafeOutput.class)
          .warn("could not delete the staging directory {}: {}", path, e.getMessage());
    }
  }
}
