package io.lambdaretail.testing;

import io.lambdaretail.spark.SparkSessions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession per test JVM ({@code local[2]}, UI off, 2 shuffle partitions, Delta enabled),
 * created on first use and stopped when the JVM's tests are done. Inject it as a {@link
 * SparkSession} parameter of a test or lifecycle method.
 */
public final class SharedSpark implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(SharedSpark.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("spark", key -> new Session(), Session.class)
        .spark;
  }

  /** Closed by JUnit when the root context closes, i.e. after the last test of the JVM. */
  private static final class Session implements ExtensionContext.Store.CloseableResource {
    private final SparkSession spark;

    Session() {
      SparkConf conf =
          new SparkConf(false)
              .setMaster("local[2]")
              .setAppName("lambda-retail-tests")
              .set("spark.ui.enabled", "false")
              .set("spark.driver.host", "127.0.0.1")
              .set("spark.driver.bindAddress", "127.0.0.1")
              .set("spark.sql.shuffle.partitions", "2")
              .set("spark.default.parallelism", "2");
      SparkSessions.applyDefaults(conf);
      spark = SparkSession.builder().config(conf).getOrCreate();
    }

    @Override
    public void close() {
      try {
        spark.stop();
      } finally {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
      }
    }
  }
}
