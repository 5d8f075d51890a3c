package io.lambdaretail.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Secrets read from environment variables, so that an orchestrator can inject them (a Kubernetes or
 * Airflow secret, an EMR step's environment) without a file. Each variable stands for one
 * config-file key and ranks below the {@code --config} file (see {@link ConfigResolver}). S3 needs
 * none: hadoop-aws' default provider chain reads {@code AWS_ACCESS_KEY_ID} and {@code
 * AWS_SECRET_ACCESS_KEY} itself.
 */
public final class EnvironmentSettings {
  /** Variable name -> config-file key; {@code kafka.<key>} is an entry of every {@code --kafka}. */
  public static final Map<String, String> VARIABLES = variables();

  private EnvironmentSettings() {}

  private static Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("LR_CASSANDRA_USERNAME", "spark.cassandra.auth.username");
    v.put("LR_CASSANDRA_PASSWORD", "spark.cassandra.auth.password");
    v.put("LR_CASSANDRA_TRUSTSTORE_PASSWORD", "spark.cassandra.connection.ssl.trustStore.password");
    v.put("LR_CASSANDRA_KEYSTORE_PASSWORD", "spark.cassandra.connection.ssl.keyStore.password");
    v.put("LR_KAFKA_SASL_JAAS_CONFIG", "kafka.sasl.jaas.config");
    v.put("LR_KAFKA_SSL_TRUSTSTORE_PASSWORD", "kafka.ssl.truststore.password");
    v.put("LR_KAFKA_SSL_KEYSTORE_PASSWORD", "kafka.ssl.keystore.password");
    v.put("LR_KAFKA_SSL_KEY_PASSWORD", "kafka.ssl.key.password");
    return Collections.unmodifiableMap(v);
  }

  /** The config-file keys the given environment sets (blank variables count as unset). */
  public static Map<String, String> from(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    VARIABLES.forEach(
        (variable, key) -> {
          String value = env.get(variable);
          if (value != null && !value.isBlank()) {
            out.put(key, value.trim());
          }
        });
    return out;
  }
}
