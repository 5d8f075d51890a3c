package io.lambdaretail.io.xz;

import static io.lambdaretail.io.xz.XzFixtures.after;
import static io.lambdaretail.io.xz.XzFixtures.concat;
import static io.lambdaretail.io.xz.XzFixtures.lines;
import static io.lambdaretail.io.xz.XzFixtures.text;
import static io.lambdaretail.io.xz.XzFixtures.utf8;
import static io.lambdaretail.io.xz.XzFixtures.xz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.tukaani.xz.XZInputStream;

/**
 * The boundary cases every reader is checked against: an uncompressed text and its xz file, whose
 * block ends are placed at exact bytes relative to the line ends.
 */
record XzCase(String name, byte[] plain, byte[] compressed, boolean multiBlock) {

  @Override
  public String toString() {
    return name;
  }

  static List<XzCase> all() {
    return List.of(
        linesCrossBlocks(),
        blockStartsAtLineStart(),
        blockStartsWithNewline(),
        crlfCutBetweenCrAndLf(),
        lineSpansThreeBlocks(),
        singleBlock(),
        new XzCase("empty content", new byte[0], xz(new byte[0]), false),
        new XzCase("zero-byte file", new byte[0], new byte[0], false),
        lastBlockIsOnlyNewline(),
        noTrailingNewline(),
        concatenatedStreams(),
        manyTinyBlocks(),
        emptyLines(),
        randomized(1),
        randomized(2),
        randomized(3),
        xzUtilsOutput());
  }

  private static XzCase of(String name, byte[] text, long... blockEnds) {
    return new XzCase(name, text, xz(text, blockEnds), blockEnds.length > 0);
  }

  private static long[] every(long step, long length) {
    return LongStream.iterate(step, p -> p < length, p -> p + step).toArray();
  }

  private static XzCase linesCrossBlocks() {
    byte[] text = text(lines(150, 50, 1));
    return of("lines cross blocks", text, every(97, text.length));
  }

  private static XzCase blockStartsAtLineStart() {
    byte[] text = text(lines(150, 50, 2));
    long[] ends = LongStream.range(1, 21).map(k -> after(text, (byte) '\n', (int) k * 7)).toArray();
    return of("block starts at a line start", text, ends);
  }

  private static XzCase blockStartsWithNewline() {
    byte[] text = text(lines(150, 50, 3));
    long[] ends =
        LongStream.range(1, 21).map(k -> after(text, (byte) '\n', (int) k * 7) - 1).toArray();
    return of("block starts with the newline", text, ends);
  }

  private static XzCase crlfCutBetweenCrAndLf() {
    byte[] text = utf8(String.join("\r\n", lines(150, 50, 4)) + "\r\n");
    long[] ends = LongStream.range(1, 21).map(k -> after(text, (byte) '\r', (int) k * 7)).toArray();
    return of("CRLF cut between CR and LF", text, ends);
  }

  private static XzCase lineSpansThreeBlocks() {
    String longLine = "long:" + "x".repeat(2000);
    List<String> lines = new java.util.ArrayList<>(lines(20, 40, 5));
    lines.add(longLine);
    lines.addAll(lines(20, 40, 6));
    byte[] text = text(lines);
    long longStart = new String(text, java.nio.charset.StandardCharsets.UTF_8).indexOf("long:");
    return of(
        "a line spans three blocks",
        text,
        100,
        longStart - 10,
        longStart + 300,
        longStart + 1500,
        longStart + 2100);
  }

  private static XzCase singleBlock() {
    return of("single block", text(lines(200, 50, 7)));
  }

  private static XzCase lastBlockIsOnlyNewline() {
    byte[] text = text(lines(100, 50, 8));
    long[] ends =
        LongStream.concat(
                LongStream.of(every(300, text.length - 1)), LongStream.of(text.length - 1))
            .toArray();
    return of("last block is only the final newline", text, ends);
  }

  private static XzCase noTrailingNewline() {
    byte[] text = utf8(String.join("\n", lines(100, 50, 9)) + "\nthe end");
    return of("no trailing newline", text, 250, 900, 1600, text.length - 3);
  }

  /** {@code cat a.xz padding empty.xz b.xz}: a's last line runs on into b. */
  private static XzCase concatenatedStreams() {
    byte[] a = utf8(String.join("\n", lines(80, 50, 10)) + "\nruns on ");
    byte[] b = text(lines(80, 50, 11));
    byte[] xz = concat(xz(a, every(211, a.length)), new byte[8], xz(new byte[0]), xz(b, 333, 1000));
    return new XzCase("concatenated streams with padding", concat(a, b), xz, true);
  }

  private static XzCase manyTinyBlocks() {
    byte[] text = text(lines(60, 20, 12));
    Random random = new Random(12);
    long[] ends =
        LongStream.iterate(1, p -> p < text.length, p -> p + 1 + random.nextInt(7)).toArray();
    return of("many tiny blocks", text, ends);
  }

  private static XzCase emptyLines() {
    byte[] text = utf8("\n\n\na\n\n\nbb\n\n" + "\n".repeat(40) + "c\n\n");
    return of("empty lines", text, every(1, text.length));
  }

  /** Random lines ended by LF or CRLF, cut into blocks of random sizes. */
  private static XzCase randomized(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (String line : lines(300, 60, seed)) {
      text.append(line).append(random.nextBoolean() ? "\n" : "\r\n");
    }
    byte[] bytes = utf8(text.toString());
    long[] ends =
        LongStream.iterate(
                random.nextInt(50) + 1, p -> p < bytes.length, p -> p + 1 + random.nextInt(400))
            .toArray();
    return new XzCase(
        "random #" + seed + " " + Arrays.hashCode(ends), bytes, xz(bytes, ends), true);
  }

  /** What {@code xz -T2 --block-size=2000} (xz-utils 5.4) wrote: 16 blocks cut mid-line. */
  private static XzCase xzUtilsOutput() {
    try (InputStream in = XzCase.class.getResourceAsStream("/xz/xz-utils-multiblock.ndjson.xz")) {
      byte[] compressed = in.readAllBytes();
      byte[] plain = new XZInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
      return new XzCase("xz-utils -T2 output", plain, compressed, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
