package io.lambdaretail.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The in-memory content of one event file. Lines are appended between {@link #startLine(long)} and
 * {@link #endLine()}, user by user; {@link #bytes()} returns them ordered by timestamp, as a dump
 * cut from a live feed would be (a stream job replaying the file then sees sane event times).
 * {@code endLine} swaps about {@code badRatio} of the lines for malformed ones, using a random
 * stream of its own so the good events do not depend on the bad-line ratio.
 */
final class EventBuffer {
  private static final int INDEX_BITS = 36;

  private final EventKind kind;
  private final double badRatio;
  private final SplittableRandom rng;
  private final long dayStart;
  private final StringBuilder content;
  private int lineStart;
  private int[] starts = new int[1024];
  private long[] order = new long[1024];
  private int lines;
  private long badLines;

  /**
   * @param dayStart epoch millis of the file's day; every line's timestamp falls within that day
   * @param reuse a builder to reuse (cleared here)
   */
  EventBuffer(
      EventKind kind, double badRatio, SplittableRandom rng, long dayStart, StringBuilder reuse) {
    this.kind = kind;
    this.badRatio = badRatio;
    this.rng = rng;
    this.dayStart = dayStart;
    this.content = reuse;
    reuse.setLength(0);
  }

  /** The builder to append the JSON of one line to, whose event happened at {@code timestamp}. */
  StringBuilder startLine(long timestamp) {
    if (lines == starts.length) {
      starts = Arrays.copyOf(starts, lines * 2);
      order = Arrays.copyOf(order, lines * 2);
    }
    lineStart = content.length();
    starts[lines] = lineStart;
    // time within the day in the high bits, line number below: a plain sort orders by time, stably
    order[lines] = (timestamp - dayStart) << INDEX_BITS | lines;
    return content;
  }

  void endLine() {
    lines++;
    if (badRatio > 0 && rng.nextDouble() < badRatio) {
      String good = content.substring(lineStart);
      content.setLength(lineStart);
      content.append(BadLines.corrupt(good, kind, BadLines.pickDefect(rng), rng));
      badLines++;
    }
    content.append('\n');
  }

  long lines() {
    return lines;
  }

  long badLines() {
    return badLines;
  }

  /** The lines in timestamp order, as bytes; every character written is ASCII. */
  byte[] bytes() {
    byte[] appended = content.toString().getBytes(StandardCharsets.ISO_8859_1);
    long[] sorted = Arrays.copyOf(order, lines);
    Arrays.sort(sorted);
    byte[] out = new byte[appended.length];
    int at = 0;
    for (long key : sorted) {
      int line = (int) (key & ((1L << INDEX_BITS) - 1));
      int start = starts[line];
      int end = line + 1 < lines ? starts[line + 1] : appended.length;
      System.arraycopy(appended, start, out, at, end - start);
      at += end - start;
    }
    return out;
  }
}
