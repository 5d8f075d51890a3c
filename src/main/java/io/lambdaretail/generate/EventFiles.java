package io.lambdaretail.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the page-view and transaction dumps: for each day and file index, one {@code
 * pdpviews-*.ndjson.xz} and one {@code transactions-*.ndjson.xz}. A slot's two files come from one
 * simulation (orders follow that day's views), seeded by {@code (seed, day, file)} alone, so slots
 * can be written in any order by any number of threads with byte-identical results. Content is
 * built in memory first because the automatic xz block size depends on the file's size.
 */
final class EventFiles {
  private static final long MIN_BLOCK = 1024;
  private static final long MAX_BLOCK = 8L << 20;

  /** One day and file index: the unit of parallel work. */
  record Slot(int day, LocalDate date, int file, int filesPerDay, long seed) {}

  // builders are reused by each worker thread: page-view files reach tens of MB at large scale
  private static final ThreadLocal<StringBuilder[]> BUFFERS =
      ThreadLocal.withInitial(() -> new StringBuilder[] {new StringBuilder(), new StringBuilder()});

  private final World world;
  private final GenerateOptions options;
  private final OutputLayout layout;

  EventFiles(World world, GenerateOptions options, OutputLayout layout) {
    this.world = world;
    this.options = options;
    this.layout = layout;
  }

  /** Every slot, day by day. */
  List<Slot> slots() {
    int perDay = options.scale().filesPerDay();
    List<Slot> slots = new ArrayList<>(options.days() * perDay);
    for (int day = 0; day < options.days(); day++) {
      LocalDate date = options.startDate().plusDays(day);
      for (int file = 0; file < perDay; file++) {
        long seed = Sampling.seed(options.seed(), "events", day, file);
        slots.add(new Slot(day, date, file, perDay, seed));
      }
    }
    return slots;
  }

  /** Simulates the slot and writes its two files. */
  List<FileStats> write(Slot slot) {
    EventBuffer[] buffers = simulate(slot);
    return List.of(
        writeXz(EventKind.PDPVIEWS, slot, buffers[0]),
        writeXz(EventKind.TRANSACTIONS, slot, buffers[1]));
  }

  /** The slot's page views and orders, in memory. */
  EventBuffer[] simulate(Slot slot) {
    StringBuilder[] buffers = BUFFERS.get();
    EventBuffer views = buffer(EventKind.PDPVIEWS, slot, buffers[0]);
    EventBuffer orders = buffer(EventKind.TRANSACTIONS, slot, buffers[1]);
    new SessionSimulator(world, slot, views, orders).run();
    return new EventBuffer[] {views, orders};
  }

  /**
   * The block size for a file: the option, or a quarter of the file (rounded up, so no one-byte
   * last block) within [1 KiB, 8 MiB], which gives every file above 2 KiB at least two blocks.
   */
  static long blockSize(long configured, long fileSize) {
    if (configured > 0) {
      return configured;
    }
    return Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, (fileSize + 3) / 4));
  }

  private EventBuffer buffer(EventKind kind, Slot slot, StringBuilder reuse) {
    // a stream of its own per source, so bad lines never shift the good events
    return new EventBuffer(
        kind,
        options.badRatio(),
        Sampling.random(options.seed(), kind.dataset(), slot.day(), slot.file()),
        slot.date().toEpochDay() * Timestamps.DAY_MILLIS,
        reuse);
  }

  private FileStats writeXz(EventKind kind, Slot slot, EventBuffer buffer) {
    Path file = layout.eventFile(kind, slot.date(), slot.file());
    byte[] content = buffer.bytes();
    long blocks =
        writeXz(
            file, content, blockSize(options.xzBlockSize(), content.length), options.xzPreset());
    return new FileStats(
        kind.dataset(), buffer.lines(), buffer.badLines(), content.length, size(file), blocks);
  }

  /** Compresses {@code content} into {@code file}; returns the number of blocks. */
  static long writeXz(Path file, byte[] content, long blockSize, int preset) {
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        MultiBlockXzWriter xz = new MultiBlockXzWriter(raw, blockSize, preset)) {
      xz.write(content, 0, content.length);
      return xz.blocks();
    } catch (IOException e) {
      throw new UncheckedIOException("while writing " + file, e);
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading the size of " + file, e);
    }
  }
}
