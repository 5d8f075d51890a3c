package io.lambdaretail.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Resolves every option value in one place, with this precedence:
 *
 * <ol>
 *   <li>an explicit command-line flag (picocli never asks a default provider for those);
 *   <li>the {@code --config FILE} (Java properties): key {@code <command>.<option>} (e.g. {@code
 *       generate.scale}), then the bare {@code <option>} (e.g. {@code master});
 *   <li>the environment variables of {@link EnvironmentSettings} (secrets an orchestrator injects),
 *       each standing for one config-file key;
 *   <li>the built-in default declared on the option.
 * </ol>
 *
 * <p>Keys starting with {@code spark.} are Spark settings; {@code --conf key=value} on the command
 * line overrides them. A {@code KEY=VALUE} option such as {@code --kafka} takes its entries from
 * keys {@code <command>.<option>.<KEY>} and {@code <option>.<KEY>} (e.g. {@code
 * stream.kafka.security.protocol=SASL_SSL}), merged entry by entry with the command line's ({@link
 * #entries}). Unknown keys are rejected so that a typo never silently falls back to a default.
 */
public final class ConfigResolver implements CommandLine.IDefaultValueProvider {
  private static final String SPARK_PREFIX = "spark.";

  private final Path file;
  private final Map<String, String> values;

  private ConfigResolver(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  /** A resolver with no config file: every option gets its built-in default. */
  public static ConfigResolver empty() {
    return new ConfigResolver(null, Map.of());
  }

  /** Reads a properties file; fails with a user-facing error when it is missing or unreadable. */
  public static ConfigResolver fromFile(Path file) {
    return new ConfigResolver(file, read(file));
  }

  private static Map<String, String> read(Path file) {
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw Errors.configFileMissing(file);
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw Errors.configFileUnreadable(file, e);
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k.trim(), props.getProperty(k).trim()));
    return values;
  }

  /**
   * Finds {@code --config FILE} or {@code --config=FILE} in raw arguments. Picocli applies default
   * values before it parses, so the file must be known before parsing starts.
   */
  public static ConfigResolver fromArgs(String... args) {
    return fromArgs(System.getenv(), args);
  }

  /** As {@link #fromArgs(String...)}, with the given environment below the config file. */
  public static ConfigResolver fromArgs(Map<String, String> env, String... args) {
    Path file = configFile(args);
    Map<String, String> values = new TreeMap<>(EnvironmentSettings.from(env));
    if (file != null) {
      values.putAll(read(file));
    }
    return new ConfigResolver(file, values);
  }

  private static Path configFile(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    return null;
  }

  /**
   * The entries of a {@code KEY=VALUE} option: {@code <option>.<KEY>} keys, overridden by {@code
   * <command>.<option>.<KEY>} keys, overridden by what the command line gave ({@code given}).
   */
  public Map<String, String> entries(
      CommandSpec command, String option, Map<String, String> given) {
    Map<String, String> merged = new TreeMap<>(withPrefix(option + "."));
    merged.putAll(withPrefix(commandKey(command) + "." + option + "."));
    merged.putAll(given);
    return merged;
  }

  /** {@link #entries} with the resolver the command line was built with (none: {@code given}). */
  public static Map<String, String> entriesOf(
      CommandSpec command, String option, Map<String, String> given) {
    return command.commandLine().getDefaultValueProvider() instanceof ConfigResolver resolver
        ? resolver.entries(command, option, given)
        : new TreeMap<>(given);
  }

  private Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && k.length() > prefix.length()) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option) || argSpec.command() == null) {
      return null;
    }
    String name = optionKey(option);
    return Optional.ofNullable(values.get(commandKey(argSpec.command()) + "." + name))
        .orElse(values.get(name));
  }

  /** Spark settings from the config file ({@code spark.*} keys), in key order. */
  public Map<String, String> sparkConf() {
    Map<String, String> spark = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(SPARK_PREFIX)) {
            spark.put(k, v);
          }
        });
    return spark;
  }

  /**
   * Rejects keys that match no option of any command (nor an entry of a {@code KEY=VALUE} option)
   * and are not Spark settings.
   */
  public void validateKeys(CommandLine root) {
    Set<String> known = new HashSet<>();
    Set<String> entryPrefixes = new HashSet<>();
    collectKeys(root, known, entryPrefixes);
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      boolean entry =
          entryPrefixes.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length());
      if (!key.startsWith(SPARK_PREFIX) && !known.contains(key) && !entry) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw Errors.unknownConfigKeys(file, unknown);
    }
  }

  private static void collectKeys(CommandLine cmd, Set<String> known, Set<String> entryPrefixes) {
    String prefix = commandKey(cmd.getCommandSpec());
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      String name = optionKey(option);
      known.add(name);
      known.add(prefix + "." + name);
      if (option.typeInfo().isMultiValue() && Map.class.isAssignableFrom(option.type())) {
        entryPrefixes.add(name + ".");
        entryPrefixes.add(prefix + "." + name + ".");
      }
    }
    cmd.getSubcommands().values().forEach(sub -> collectKeys(sub, known, entryPrefixes));
  }

  /** {@code generate}, or {@code catalog.query} for nested commands; the root name is dropped. */
  private static String commandKey(CommandSpec spec) {
    String qualified = spec.qualifiedName(".");
    int dot = qualified.indexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  private static String optionKey(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }
}
