package io.lambdaretail.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

/**
 * The authenticated endpoints of the test servers ({@code scripts/services.sh}): Kafka's
 * SASL_PLAINTEXT and SASL_SSL listeners (mechanism PLAIN) and the TLS-only, password-protected
 * Cassandra node; the trust stores (PKCS12) hold the servers' self-signed certificates.
 */
public record SecureEndpoints(
    String kafkaSaslBootstrap,
    String kafkaSaslSslBootstrap,
    String kafkaUser,
    String kafkaPassword,
    String kafkaTruststore,
    String kafkaTruststorePassword,
    String cassandraHost,
    int cassandraPort,
    String cassandraUser,
    String cassandraPassword,
    String cassandraTruststore,
    String cassandraTruststorePassword) {

  /** What the running servers wrote; fields of a server not running are null (port 0). */
  public static SecureEndpoints read() {
    Properties p = new Properties();
    try (Reader reader =
        Files.newBufferedReader(LocalServices.endpointsFile(), StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LocalServices.endpointsFile(), e);
    }
    return new SecureEndpoints(
        p.getProperty("kafka.sasl.bootstrap"),
        p.getProperty("kafka.sasl-ssl.bootstrap"),
        p.getProperty("kafka.sasl.username"),
        p.getProperty("kafka.sasl.password"),
        p.getProperty("kafka.truststore"),
        p.getProperty("kafka.truststore.password"),
        p.getProperty("cassandra-auth.host"),
        Integer.parseInt(p.getProperty("cassandra-auth.port", "0")),
        p.getProperty("cassandra-auth.username"),
        p.getProperty("cassandra-auth.password"),
        p.getProperty("cassandra-auth.truststore"),
        p.getProperty("cassandra-auth.truststore.password"));
  }

  /** The JAAS line a Kafka client logs in with (PLAIN). */
  public static String plainJaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }
}
