package io.lambdaretail.generate;

import io.lambdaretail.spark.Schemas;
import java.util.SplittableRandom;

/**
 * Turns a good event line into a malformed one of a given class, the way broken producers do: cut
 * or unbalanced JSON, a value of the wrong type, or a required field left out. Works on the text of
 * the line, so the good-line writer stays free of special cases.
 */
final class BadLines {
  /** The three classes of malformed line the ingest must quarantine. */
  enum Defect {
    BROKEN_JSON,
    WRONG_TYPE,
    MISSING_FIELD
  }

  private static final Defect[] DEFECTS = Defect.values();

  private BadLines() {}

  static Defect pickDefect(SplittableRandom rng) {
    return DEFECTS[rng.nextInt(DEFECTS.length)];
  }

  /** The malformed version of {@code line} (which must be one good JSON object). */
  static String corrupt(String line, EventKind kind, Defect defect, SplittableRandom rng) {
    return switch (defect) {
      case BROKEN_JSON -> broken(line, rng);
      case WRONG_TYPE -> wrongType(line, kind, rng);
      case MISSING_FIELD -> missing(line, kind, rng);
    };
  }

  private static String broken(String line, SplittableRandom rng) {
    if (rng.nextBoolean()) {
      // the closing brace never came: a record cut at the end of a buffer
      return line.substring(0, line.length() - 1);
    }
    int cut = line.length() / 3 + rng.nextInt(Math.max(1, line.length() / 2));
    return line.substring(0, Math.min(cut, line.length() - 2));
  }

  private static String wrongType(String line, EventKind kind, SplittableRandom rng) {
    int choice = rng.nextInt(3);
    if (choice == 0) {
      return replaceValue(line, Schemas.PRODUCT_ID, "{\"a\":1}");
    }
    if (choice == 1 || kind == EventKind.PDPVIEWS) {
      return replaceValue(line, Schemas.TIMESTAMP, "\"yesterday\"");
    }
    return replaceValue(line, Schemas.QUANTITY, "\"three\"");
  }

  private static String missing(String line, EventKind kind, SplittableRandom rng) {
    boolean first = rng.nextBoolean();
    if (kind == EventKind.PDPVIEWS) {
      return removeField(line, first ? Schemas.PRODUCT_ID : Schemas.TIMESTAMP);
    }
    return removeField(line, first ? Schemas.ORDER_ID : Schemas.TIMESTAMP);
  }

  /** Replaces the value of the first occurrence of the key. */
  static String replaceValue(String line, String key, String json) {
    int start = valueStart(line, key);
    return line.substring(0, start) + json + line.substring(valueEnd(line, start));
  }

  /** Removes the first {@code "key":value} pair and one comma next to it. */
  static String removeField(String line, String key) {
    int from = line.indexOf('"' + key + "\":");
    int to = valueEnd(line, valueStart(line, key));
    if (line.charAt(to) == ',') {
      to++;
    } else if (line.charAt(from - 1) == ',') {
      from--;
    }
    return line.substring(0, from) + line.substring(to);
  }

  private static int valueStart(String line, String key) {
    String quoted = '"' + key + "\":";
    int at = line.indexOf(quoted);
    if (at < 0) {
      throw new IllegalArgumentException("no key " + key + " in " + line);
    }
    return at + quoted.length();
  }

  /** End (exclusive) of the JSON value starting at {@code start}; values never hold escapes. */
  private static int valueEnd(String line, int start) {
    char first = line.charAt(start);
    if (first == '"') {
      return line.indexOf('"', start + 1) + 1;
    }
    if (first == '{' || first == '[') {
      return matching(line, start);
    }
    int end = start;
    while (end < line.length() && ",}]".indexOf(line.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  private static int matching(String line, int start) {
    int depth = 0;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return line.length();
  }
}
