package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;
import java.util.Locale;

/**
 * How interactions are split into training and test.
 *
 * @param strategy {@code time} (default): events of the last {@code testDays} days (or, with {@code
 *     testFraction} above 0, the latest share of events) are the test set; {@code last-k}: each
 *     user's {@code lastK} most recent items (users with more than {@code lastK} items); {@code
 *     explicit}: the {@code --test-interactions} table
 * @param testDays days at the end held out by {@code time} ({@code --test-days}, default 7)
 * @param testFraction when above 0, {@code time} holds out this share of the events instead ({@code
 *     --test-fraction})
 * @param lastK items per user held out by {@code last-k} ({@code --last-k}, default 1)
 * @param seed breaks ties between items of equal timestamp in {@code last-k} ({@code --seed})
 */
public record SplitOptions(
    Strategy strategy, int testDays, double testFraction, int lastK, long seed) {

  /** The split strategies. */
  public enum Strategy {
    TIME,
    LAST_K,
    EXPLICIT;

    public static Strategy parse(String value) {
      String key = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Strategy s : values()) {
        if (s.name().equals(key)) {
          return s;
        }
      }
      throw Errors.invalid(
          "--split", value, "use time or last-k (explicit is set by --test-interactions).");
    }

    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public SplitOptions {
    if (strategy == null) {
      strategy = Strategy.TIME;
    }
    if (testDays < 1) {
      throw Errors.mustBePositive("--test-days", testDays);
    }
    if (testFraction < 0 || testFraction >= 1 || Double.isNaN(testFraction)) {
      throw Errors.invalid(
          "--test-fraction", testFraction, "pass a share of events above 0 and below 1, e.g. 0.2.");
    }
    if (lastK < 1) {
      throw Errors.mustBePositive("--last-k", lastK);
    }
  }

  /** The same split applied inside a training set, for the validation of a grid search. */
  public SplitOptions forValidation() {
    return strategy == Strategy.EXPLICIT
        ? new SplitOptions(Strategy.LAST_K, testDays, testFraction, lastK, seed)
        : this;
  }

  /** For the summary: {@code time (last 7 days)}, {@code last-k (k=1)}, ... */
  public String describe() {
    return switch (strategy) {
      case TIME ->
          testFraction > 0
              ? "time (latest " + testFraction + " of events)"
              : "time (last " + testDays + " days)";
      case LAST_K -> "last-k (k=" + lastK + ", seed " + seed + ")";
      case EXPLICIT -> "explicit (--test-interactions)";
    };
  }
}
