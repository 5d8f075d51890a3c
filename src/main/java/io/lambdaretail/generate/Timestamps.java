package io.lambdaretail.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes event timestamps the way mixed producers do: mostly ISO-8601 UTC with millis ({@code
 * 2024-01-03T10:15:30.123Z}), about one in ten as epoch millis, and a few as ISO-8601 with a local
 * offset ({@code 2024-01-03T12:15:30.123+02:00}, the same instant). Hand-rolled because it runs for
 * every event line.
 */
final class Timestamps {
  static final long DAY_MILLIS = 86_400_000L;
  private static final double EPOCH_SHARE = 0.10;
  private static final double OFFSET_SHARE = 0.05;
  private static final int[] OFFSETS_MINUTES = {120, 60, -180, -300, 330, -240};

  private Timestamps() {}

  /** Appends the instant as a JSON value in one of the three styles, drawn from rng. */
  static void appendJson(StringBuilder sb, long epochMillis, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (u < EPOCH_SHARE) {
      sb.append(epochMillis);
    } else if (u < EPOCH_SHARE + OFFSET_SHARE) {
      int offset = OFFSETS_MINUTES[rng.nextInt(OFFSETS_MINUTES.length)];
      sb.append('"');
      appendIso(sb, epochMillis, offset);
      sb.append('"');
    } else {
      sb.append('"');
      appendIso(sb, epochMillis, 0);
      sb.append('"');
    }
  }

  /** ISO-8601 with millis, {@code Z} for offset 0, else {@code +HH:MM}/{@code -HH:MM}. */
  static StringBuilder appendIso(StringBuilder sb, long epochMillis, int offsetMinutes) {
    long local = epochMillis + offsetMinutes * 60_000L;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, DAY_MILLIS));
    int ms = (int) Math.floorMod(local, DAY_MILLIS);
    sb.append(date.getYear()).append('-');
    pad2(sb, date.getMonthValue()).append('-');
    pad2(sb, date.getDayOfMonth()).append('T');
    pad2(sb, ms / 3_600_000).append(':');
    pad2(sb, ms / 60_000 % 60).append(':');
    pad2(sb, ms / 1000 % 60).append('.');
    int millis = ms % 1000;
    if (millis < 100) {
      sb.append('0');
    }
    pad2(sb, millis);
    if (offsetMinutes == 0) {
      return sb.append('Z');
    }
    int abs = Math.abs(offsetMinutes);
    sb.append(offsetMinutes < 0 ? '-' : '+');
    pad2(sb, abs / 60).append(':');
    return pad2(sb, abs % 60);
  }

  /** ISO-8601 UTC, for the plain-text data sets. */
  static String iso(long epochMillis) {
    return appendIso(new StringBuilder(24), epochMillis, 0).toString();
  }

  private static StringBuilder pad2(StringBuilder sb, int value) {
    if (value < 10) {
      sb.append('0');
    }
    return sb.append(value);
  }
}
