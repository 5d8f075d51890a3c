package io.lambdaretail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Version from the build (a filtered resource), so it is right in the thin and shaded jars. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "lambda-retail " + version(),
      "built for Spark "
          + BuildInfo.property("spark.version")
          + " (Scala "
          + BuildInfo.property("scala.binary")
          + "), Delta "
          + BuildInfo.property("delta.version"),
      "Java " + System.getProperty("java.version")
    };
  }

  static String version() {
    return BuildInfo.property("version");
  }

  /** Reads io/lambdaretail/build.properties once. */
  static final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {}

    static String property(String key) {
      return PROPS.getProperty(key, "unknown");
    }

    private static Properties load() {
      Properties props = new Properties();
      try (InputStream in =
          VersionProvider.class.getResourceAsStream("/io/lambdaretail/build.properties")) {
        if (in != null) {
          props.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return props;
    }
  }
}
