package io.lambdaretail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.config.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --metrics-out} file: written only where nothing else is lost, i.e. a new file or an
 * earlier summary of the same command (or anything but a directory with {@code --overwrite}), and
 * replaced through a temporary sibling so a reader never sees half a summary.
 */
final class MetricsFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsFile() {}

  /** Refuses (exit 2), before the command runs, a file it may not replace. */
  static void check(Path file, String command, boolean overwrite) {
    if (file == null || !Files.exists(file)) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw Errors.invalid("--metrics-out", file, "it is a directory; pass a file name.");
    }
    if (!overwrite && !command.equals(commandOf(file))) {
      throw Errors.invalid(
          "--metrics-out",
          file,
          "the file exists and is not an earlier summary of "
              + command
              + "; choose a new file, or pass --overwrite to replace it.");
    }
  }

  /** Writes {@code json} to a sibling, then renames it over {@code file}. */
  static void write(Path file, String json) {
    try {
      Path target = file.toAbsolutePath();
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(temp, json + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write --metrics-out " + file, e);
    }
  }

  /** The {@code command} of a JSON summary, or null for any other file. */
  private static String commandOf(Path file) {
    try {
      JsonNode node = JSON.readTree(Files.readAllBytes(file));
      JsonNode command = node == null ? null : node.get("command");
      return command != null && command.isTextual() ? command.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
