package io.lambdaretail.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which settings are secrets (by name: passwords, secret and access keys, any other key, tokens,
 * credentials, JAAS configs), and their masking. Secrets may come from the environment or the
 * {@code --config} file, never from the command line, where shell history and process listings
 * would keep them; and they never appear in logs or summaries.
 */
public final class Secrets {
  public static final String MASK = "******";
  private static final Pattern SECRET =
      Pattern.compile(
          "(password|passwd|secret|token|credential|jaas|access[._-]?key|private[._-]?key)");

  /**
   * A name part that is just "key": fs.azure.account.key.ACCOUNT, ssl.keystore.key,
   * fs.s3a.encryption.key, any future one that names a key.
   */
  private static final Pattern KEY_PART = Pattern.compile("(^|[._-])key($|[._-])");

  /** Names with a "key" part that hold no secret: Kafka's serializers, our options naming keys. */
  private static final Pattern NOT_SECRET_KEY =
      Pattern.compile(
          "(^|[._-])key[._-](de)?serializer|(grouping|cassandra|partition|user)[._-]key");

  private Secrets() {}

  /** Whether a setting with this name holds a secret. */
  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SECRET.matcher(lower).find()) {
      return true;
    }
    return KEY_PART.matcher(lower).find() && !NOT_SECRET_KEY.matcher(lower).find();
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
