package io.lambdaretail.recs.hybrid;

import java.util.Arrays;
import java.util.Locale;

/** Per-parameter learning-rate schedules, as in LightFM. */
public enum Schedule {
  /** step = learning_rate * g / sqrt(sum of squared gradients); accumulators start at 1. */
  ADAGRAD("adagrad"),
  /** Zeiler's Adadelta with decay rho and epsilon; needs no learning rate. */
  ADADELTA("adadelta");

  private final String cliName;

  Schedule(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** Parses the command-line name; null when unknown. */
  public static Schedule parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.cliName.equals(v)).findFirst().orElse(null);
  }
}
