package io.lambdaretail.serving;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A keyspace's replication, parsed from {@code SimpleStrategy:N} or {@code
 * NetworkTopologyStrategy:dc1=N,dc2=M} rather than taken as CQL text, so configuration cannot carry
 * CQL either.
 */
public record Replication(String strategy, Map<String, Integer> factors) {
  private static final Pattern DC = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final String SIMPLE = "SimpleStrategy";
  private static final String NETWORK = "NetworkTopologyStrategy";

  /**
   * @throws IllegalArgumentException with what is wrong and the accepted forms
   */
  public static Replication parse(String text) {
    String[] parts = text.trim().split(":", 2);
    if (parts.length != 2) {
      throw invalid(text);
    }
    if (parts[0].equals(SIMPLE)) {
      return new Replication(SIMPLE, Map.of("replication_factor", factor(parts[1], text)));
    }
    if (!parts[0].equals(NETWORK)) {
      throw invalid(text);
    }
    Map<String, Integer> dcs = new LinkedHashMap<>();
    for (String dc : parts[1].split(",")) {
      String[] kv = dc.split("=", 2);
      if (kv.length != 2 || !DC.matcher(kv[0].trim()).matches()) {
        throw invalid(text);
      }
      dcs.put(kv[0].trim(), factor(kv[1], text));
    }
    return new Replication(NETWORK, dcs);
  }

  /** The CQL map literal, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}. */
  public String toCql() {
    StringBuilder b = new StringBuilder("{'class': '").append(strategy).append('\'');
    factors.forEach((k, v) -> b.append(", '").append(k).append("': ").append(v));
    return b.append('}').toString();
  }

  private static int factor(String value, String text) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= 99) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted forms
    }
    throw invalid(text);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "'%s' is not a replication: use %s:N or %s:DC=N[,DC=N...]",
            text,
            SIMPLE,
            NETWORK));
  }
}
