package io.lambdaretail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the project's real servers (Kafka, Cassandra, S3Proxy) for integration tests through
 * {@code scripts/services.sh}, the same launcher users run, once per test JVM, and stops them when
 * the JVM's tests are done. Test servers use their own ports and state directory so they never
 * clash with services a developer started for the demo.
 *
 * <p>Use a subclass per server: {@code @ExtendWith(LocalServices.Kafka.class)}; the test then takes
 * an {@link Endpoints} parameter.
 */
public abstract class LocalServices implements BeforeAllCallback, ParameterResolver {
  static final String S3_SECRET_KEY = "test-secret-key";
  private static final Namespace NAMESPACE = Namespace.create(LocalServices.class);
  private static final Path PROJECT =
      Path.of(System.getProperty("lr.project.dir", ".")).toAbsolutePath();
  private static final Path STATE_DIR = PROJECT.resolve("target/it-services");
  // An offset (-Dit.port.offset=N) lets two checkouts run their ITs at the same time.
  private static final int PORT_OFFSET = Integer.getInteger("lr.it.port.offset", 0);
  private static final Map<String, String> PORTS =
      Map.ofEntries(
          Map.entry("LR_KAFKA_PORT", port(29092)),
          Map.entry("LR_KAFKA_CONTROLLER_PORT", port(29093)),
          Map.entry("LR_KAFKA_SASL_PORT", port(29094)),
          Map.entry("LR_CASSANDRA_PORT", port(29042)),
          Map.entry("LR_CASSANDRA_STORAGE_PORT", port(27000)),
          Map.entry("LR_S3_PORT", port(28080)),
          Map.entry("LR_CASSANDRA_AUTH_PORT", port(29142)),
          Map.entry("LR_CASSANDRA_AUTH_STORAGE_PORT", port(27002)),
          Map.entry("LR_SPARK_MASTER_PORT", port(27077)),
          Map.entry("LR_SPARK_MASTER_UI_PORT", port(28180)),
          Map.entry("LR_SPARK_WORKER_UI_PORT", port(28181)));

  private final String service;

  private static String port(int base) {
    return Integer.toString(base + PORT_OFFSET);
  }

  LocalServices(String service) {
    this.service = service;
  }

  /** A real single-node KRaft Kafka broker. */
  public static final class Kafka extends LocalServices {
    public Kafka() {
      super("kafka");
    }
  }

  /** A real Cassandra 5.0 node. */
  public static final class Cassandra extends LocalServices {
    public Cassandra() {
      super("cassandra");
    }
  }

  /**
   * A second Cassandra node that demands a password (superuser cassandra/cassandra), for the
   * security tests only: it runs just for the test class, not alongside the whole suite.
   */
  public static final class CassandraAuth extends LocalServices {
    public CassandraAuth() {
      super("cassandra-auth");
    }

    @Override
    boolean perClass() {
      return true;
    }
  }

  /**
   * A Spark standalone cluster: a master and two workers (1 core, 2 GB each), whose executors are
   * JVMs of their own.
   */
  public static final class Spark extends LocalServices {
    public Spark() {
      super("spark");
    }
  }

  /** The web UI port of the test cluster's worker {@code n} (1 or 2). */
  public static int sparkWorkerUiPort(int n) {
    return Integer.parseInt(PORTS.get("LR_SPARK_WORKER_UI_PORT")) + n - 1;
  }

  /** A real S3-compatible server (S3Proxy) with the bucket {@code lambda-retail}. */
  public static final class S3 extends LocalServices {
    public S3() {
      super("s3");
    }
  }

  /** Whether the server stops after the test class rather than after the JVM's last test. */
  boolean perClass() {
    return false;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    (perClass() ? context : context.getRoot())
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(service, Running::new, Running.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Endpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoints();
  }

  /** The endpoints of every server started so far. */
  public static Endpoints endpoints() {
    return Endpoints.read(endpointsFile());
  }

  static Path endpointsFile() {
    return STATE_DIR.resolve("endpoints.properties");
  }

  /**
   * Runs {@code scripts/services.sh ACTION SERVICE} with the test ports; fails on non-zero exit.
   */
  static void services(String action, String service) {
    services(action, service, Map.of());
  }

  /** Stops a running test server mid-test (an outage); the JVM's last stop tolerates that. */
  public static void stop(String service) {
    services("stop", service);
  }

  /** Starts a server stopped by {@link #stop} again on its data, as a node back from an outage. */
  public static void restartKeepingData(String service) {
    services("start", service, Map.of("LR_KEEP_DATA", "1"));
  }

  private static void services(String action, String service, Map<String, String> env) {
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of("bash", PROJECT.resolve("scripts/services.sh").toString(), action, service))
            .directory(PROJECT.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(PORTS);
    pb.environment().put("LR_STATE_DIR", STATE_DIR.toString());
    pb.environment().putAll(env);
    try {
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "services.sh " + action + " " + service + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running services.sh " + action, e);
    }
  }

  /** A started server; JUnit closes it after the last test of the JVM. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final String service;

    Running(String service) {
      this.service = service;
      services("start", service);
    }

    @Override
    public void close() {
      services("stop", service);
    }
  }
}
