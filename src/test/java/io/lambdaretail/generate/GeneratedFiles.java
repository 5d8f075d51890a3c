package io.lambdaretail.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tukaani.xz.SeekableFileInputStream;
import org.tukaani.xz.SeekableXZInputStream;
import org.tukaani.xz.XZInputStream;

/** Test helpers: options with defaults, and readers for what the generator wrote. */
final class GeneratedFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  static final LocalDate START = LocalDate.of(2024, 1, 1);

  private GeneratedFiles() {}

  /** Tiny-scale options with a few overrides; preset 1 keeps tests fast. */
  static GenerateOptions options(Path out, int users, int products, int days, long seed) {
    return new GenerateOptions(
        out, Scale.TINY, users, products, days, START, seed, 0.0, 0, 1, 2, false);
  }

  static GenerateOptions withBadRatio(GenerateOptions o, double badRatio) {
    return new GenerateOptions(
        o.out(),
        o.scale(),
        o.users(),
        o.products(),
        o.days(),
        o.startDate(),
        o.seed(),
        badRatio,
        o.xzBlockSize(),
        o.xzPreset(),
        o.threads(),
        o.overwrite());
  }

  static GenerateOptions withThreads(GenerateOptions o, Path out, int threads) {
    return new GenerateOptions(
        out,
        o.scale(),
        o.users(),
        o.products(),
        o.days(),
        o.startDate(),
        o.seed(),
        o.badRatio(),
        o.xzBlockSize(),
        o.xzPreset(),
        threads,
        o.overwrite());
  }

  static GenerateOptions withOverwrite(GenerateOptions o, int days) {
    return new GenerateOptions(
        o.out(),
        o.scale(),
        o.users(),
        o.products(),
        days,
        o.startDate(),
        o.seed(),
        o.badRatio(),
        o.xzBlockSize(),
        o.xzPreset(),
        o.threads(),
        true);
  }

  /** Every regular file under the root, sorted, as relative paths. */
  static List<Path> listFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> xzFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".ndjson.xz")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All lines of every xz file of a directory, in file order. */
  static List<String> xzLines(Path dir) {
    List<String> lines = new ArrayList<>();
    for (Path file : xzFiles(dir)) {
      try (InputStream in = new XZInputStream(Files.newInputStream(file));
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  static int blockCount(Path xzFile) {
    try (SeekableXZInputStream in =
        new SeekableXZInputStream(new SeekableFileInputStream(xzFile.toFile()))) {
      return in.getBlockCount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed object, or empty when the line is not one complete JSON object. */
  static Optional<JsonNode> parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Data rows of a CSV without quoted fields (the generator writes none), header dropped. */
  static List<String[]> csvRows(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.skip(1).map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
