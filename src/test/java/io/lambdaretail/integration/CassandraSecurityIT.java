package io.lambdaretail.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.lambdaretail.testing.ChildJvm;
import io.lambdaretail.testing.Endpoints;
import io.lambdaretail.testing.LocalServices;
import io.lambdaretail.testing.SecureEndpoints;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stream} writing its serving tables to a Cassandra node that takes TLS clients only and has
 * PasswordAuthenticator: the user and the trust store from the {@code --config} file, the password
 * and the trust store's password from the environment get in; without credentials, or with a wrong
 * password, the job fails at once (no retries: the default 5 would take a minute) with exit 1 and
 * one line that echoes no password.
 */
@ExtendWith({LocalServices.Kafka.class, LocalServices.CassandraAuth.class})
class CassandraSecurityIT {
  private static final int RECORDS = 30;
  private static final String USER = "lr_writer";
  private static final String PASSWORD = "writer-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String WRONG = "wrong-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String TOPIC = "sec_" + UUID.randomUUID().toString().substring(0, 6);

  @TempDir static Path shared;
  @TempDir Path dir;

  /** A login role of our own (the superuser's password, cassandra, is in every log line). */
  @BeforeAll
  static void createRoleAndTopic() throws Exception {
    try (CqlSession admin = superuser()) {
      admin.execute(
          "CREATE ROLE IF NOT EXISTS "
              + USER
              + " WITH PASSWORD = '"
              + PASSWORD
              + "' AND LOGIN = true");
    }
    List<String> views = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      views.add(
          ServingFixtures.view("u" + i % 4, "b" + i % 4, "p" + i % 6, "2026-11-23T08:00:00Z"));
    }
    ServingFixtures.produce(LocalServices.endpoints(), shared, TOPIC, views);
  }

  @Test
  void userFromTheConfigFileAndPasswordsFromTheEnvironmentGetIn() throws Exception {
    Path config = config("spark.cassandra.auth.username=" + USER);
    String keyspace = "sec_ok_" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> env =
        Map.of(
            "LR_CASSANDRA_PASSWORD",
            PASSWORD,
            "LR_CASSANDRA_TRUSTSTORE_PASSWORD",
            SecureEndpoints.read().cassandraTruststorePassword());

    Run run = stream(config, env, keyspace);

    assertThat(run.code).as("exit code; output:%n%s", run.output).isZero();
    try (CqlSession admin = superuser()) {
      long rows = admin.execute("SELECT count(*) FROM " + keyspace + "." + TOPIC).one().getLong(0);
      assertThat(rows).as("rows of the topic's serving table").isEqualTo(RECORDS);
    }
    assertThat(run.output)
        .as("neither secret is in any log line")
        .doesNotContain(PASSWORD)
        .doesNotContain(SecureEndpoints.read().cassandraTruststorePassword());
  }

  @Test
  void withoutCredentialsTheJobFailsWithOneLine() throws Exception {
    Run run = stream(config(trustStorePassword()), Map.of(), "sec_none");

    assertThat(run.code).as("exit code; output:%n%s", run.output).isEqualTo(1);
    assertThat(run.errorLines())
        .as("one error line; output:%n%s", run.output)
        .singleElement()
        .asString()
        .contains("CassandraLoginException")
        .contains("refused the login")
        .contains("requires authentication");
  }

  @Test
  void aWrongPasswordFailsWithOneLineThatDoesNotEchoIt() throws Exception {
    Path config =
        config(
            "spark.cassandra.auth.username=" + USER,
            "spark.cassandra.auth.password=" + WRONG,
            trustStorePassword());

    Run run = stream(config, Map.of(), "sec_wrong");

    assertThat(run.code).as("exit code; output:%n%s", run.output).isEqualTo(1);
    assertThat(run.errorLines())
        .as("one error line; output:%n%s", run.output)
        .singleElement()
        .asString()
        .contains("CassandraLoginException")
        .containsIgnoringCase("password are incorrect");
    assertThat(run.output).as("the wrong password is echoed nowhere").doesNotContain(WRONG);
  }

  private record Run(int code, String output) {
    List<String> errorLines() {
      return output.lines().filter(l -> l.startsWith("error:")).toList();
    }
  }

  private static String trustStorePassword() {
    return "spark.cassandra.connection.ssl.trustStore.password="
        + SecureEndpoints.read().cassandraTruststorePassword();
  }

  /** A --config file with the given lines and the node's TLS settings but secrets. */
  private Path config(String... lines) throws Exception {
    List<String> all = new ArrayList<>(List.of(lines));
    all.add("spark.cassandra.connection.ssl.enabled=true");
    all.add("spark.cassandra.connection.ssl.trustStore.type=PKCS12");
    all.add(
        "spark.cassandra.connection.ssl.trustStore.path="
            + SecureEndpoints.read().cassandraTruststore());
    all.add("spark.ui.enabled=false");
    all.add("spark.sql.shuffle.partitions=2");
    Path file = Files.createTempFile(dir, "cassandra-", ".properties");
    Files.write(file, all, StandardCharsets.UTF_8);
    return file;
  }

  private Run stream(Path config, Map<String, String> env, String keyspace) throws Exception {
    Endpoints plain = LocalServices.endpoints();
    SecureEndpoints secure = SecureEndpoints.read();
    Path log = dir.resolve("stream.log");
    Process process =
        ChildJvm.start(
            log,
            env,
            "stream",
            "--config",
            config.toString(),
            "--bootstrap",
            plain.kafkaBootstrap(),
            "--topics",
            TOPIC,
            "--lake",
            dir.resolve("lake").toString(),
            "--checkpoint",
            dir.resolve("checkpoint").toString(),
            "--available-now",
            "--master",
            "local[2]",
            "--cassandra-host",
            secure.cassandraHost(),
            "--cassandra-port",
            String.valueOf(secure.cassandraPort()),
            "--keyspace",
            keyspace);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("stream ended").isTrue();
    return new Run(process.exitValue(), Files.readString(log));
  }

  /** The superuser's session on the password node, over TLS. */
  private static CqlSession superuser() throws Exception {
    SecureEndpoints e = SecureEndpoints.read();
    char[] password = e.cassandraTruststorePassword().toCharArray();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(e.cassandraTruststore()))) {
      trust.load(in, password);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(e.cassandraHost(), e.cassandraPort()))
        .withLocalDatacenter("datacenter1")
        .withAuthCredentials(e.cassandraUser(), e.cassandraPassword())
        .withSslContext(ssl)
        .build();
  }
}
