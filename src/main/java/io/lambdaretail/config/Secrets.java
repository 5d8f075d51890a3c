package io.lambdaretail.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which settings are secrets (by name: passwords, secret and access keys, tokens, JAAS configs,
 * keystores' passwords), and their masking. Secrets may come from the environment or the {@code
 * --config} file, never from the command line, where shell history and process listings would keep
 * them; and they never appear in logs or summaries.
 */
public final class Secrets {
  public static final String MASK = "******";
  private static final Pattern SECRET =
      Pattern.compile(
          "(password|passwd|secret|token|credential|jaas|access[._-]?key|private[._-]?key)");

  private Secrets() {}

  /** Whether a setting with this name holds a secret. */
  public static boolean isSecret(String name) {
    return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  /** A copy with the values of secret keys masked. */
  public static Map<String, String> mask(Map<String, String> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    settings.forEach((k, v) -> out.put(k, isSecret(k) ? MASK : v));
    return out;
  }

  /** Why a secret given on the command line is refused. */
  public static String onCommandLine(String option, String key) {
    return (option
            + " "
            + key
            + " is a secret and cannot be given on the command line: put it in the --config"
            + " file or the environment.")
        .replace("  ", " ");
  }
}
