package io.lambdaretail.generate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Generated page views or orders as a feed of JSON lines, file slot by file slot (so memory stays
 * at one slot's events), for {@code produce --generate}: the same world, sessions and lines that
 * {@code generate} writes to files for this scale and seed.
 */
public final class EventFeed implements Iterator<String> {
  private final EventFiles files;
  private final List<EventFiles.Slot> slots;
  private final int kind;
  private int slot;
  private String[] lines = new String[0];
  private int next;

  /**
   * @param transactions orders instead of page views
   */
  public EventFeed(Scale scale, long seed, boolean transactions) {
    GenerateOptions options =
        new GenerateOptions(
            Path.of("."),
            scale,
            scale.users(),
            scale.products(),
            scale.days(),
            LocalDate.of(2024, 1, 1),
            seed,
            0,
            0,
            0,
            1,
            false);
    this.files = new EventFiles(World.build(options), options, new OutputLayout(options.out()));
    this.slots = files.slots();
    this.kind = transactions ? 1 : 0;
  }

  @Override
  public boolean hasNext() {
    while (next == lines.length && slot < slots.size()) {
      String content =
          new String(files.simulate(slots.get(slot++))[kind].bytes(), StandardCharsets.US_ASCII);
      lines = content.isEmpty() ? new String[0] : content.split("\n");
      next = 0;
    }
    return next < lines.length;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the scale's events are exhausted");
    }
    return lines[next++];
  }
}
