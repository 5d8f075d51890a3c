package io.lambdaretail.generate;

import io.lambdaretail.config.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each data set goes under the output root, and the overwrite rule: a root that already holds
 * generated files is refused unless {@code --overwrite}, and then only those files are deleted
 * (matched by exact name), never anything else a user keeps there.
 */
final class OutputLayout {
  static final String DEALS = "deals";
  static final String USERS = "users";
  static final String ITEMS = "items";
  static final String SALES = "sales";

  private static final Logger LOG = LoggerFactory.getLogger(OutputLayout.class);

  private final Path root;

  OutputLayout(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path eventDir(EventKind kind) {
    return root.resolve(kind.dataset());
  }

  Path eventFile(EventKind kind, LocalDate day, int fileIndex) {
    return eventDir(kind).resolve(kind.fileName(day, fileIndex));
  }

  Path dealsFile() {
    return root.resolve(DEALS).resolve("deals.ndjson");
  }

  Path usersFile() {
    return root.resolve("users.csv");
  }

  Path itemsFile() {
    return root.resolve("items.csv");
  }

  Path salesFile() {
    return root.resolve(SALES).resolve("sales.csv");
  }

  /**
   * Creates the root (and its parents) if needed.
   *
   * @throws io.lambdaretail.config.PipelineConfigException when it is a file or cannot be written
   */
  void createRoot() {
    createDirectory(root);
  }

  /**
   * Refuses a root that already holds generated files.
   *
   * @throws io.lambdaretail.config.PipelineConfigException naming a few of them and {@code
   *     --overwrite}
   */
  void requireNoOutputs() {
    List<Path> existing = existingOutputs();
    if (!existing.isEmpty()) {
      throw Errors.invalid(
          "--out",
          root,
          "it already holds generated data ("
              + describe(existing)
              + "). Pass --overwrite to replace it, or choose another directory.");
    }
  }

  /** Deletes the files an earlier run wrote; anything else under the root stays. */
  void deleteOutputs() {
    List<Path> existing = existingOutputs();
    if (!existing.isEmpty()) {
      LOG.info("Deleting {} files of an earlier run under {}", existing.size(), root);
    }
    for (Path file : existing) {
      delete(file);
    }
  }

  /** Creates the directory of every data set. */
  void createDirectories() {
    for (EventKind kind : EventKind.values()) {
      createDirectory(eventDir(kind));
    }
    createDirectory(dealsFile().getParent());
    createDirectory(salesFile().getParent());
  }

  /** Every file under the root that this generator could have written. */
  List<Path> existingOutputs() {
    List<Path> found = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      found.addAll(matching(eventDir(kind), kind.filePattern()));
    }
    for (Path file : List.of(dealsFile(), usersFile(), itemsFile(), salesFile())) {
      if (Files.isRegularFile(file)) {
        found.add(file);
      }
    }
    return found;
  }

  private static List<Path> matching(Path dir, String pattern) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(pattern)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("while listing " + dir, e);
    }
  }

  private String describe(List<Path> files) {
    List<String> names = files.stream().limit(3).map(f -> root.relativize(f).toString()).toList();
    String more = files.size() > names.size() ? " and " + (files.size() - 3) + " more" : "";
    return String.join(", ", names) + more;
  }

  private void createDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw Errors.outputNotWritable("--out", dir, "it exists and is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw Errors.outputNotWritable("--out", dir, "creating it failed (" + e + ")");
    }
    if (!Files.isWritable(dir)) {
      throw Errors.outputNotWritable("--out", dir, "the directory is not writable");
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("while deleting " + file + " for --overwrite", e);
    }
  }
}
