package io.lambdaretail.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which setting names hold secrets: every kind of key, password, token, credential. */
class SecretsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "spark.hadoop.fs.azure.account.key.shop.dfs.core.windows.net",
        "fs.azure.account.key.shop.blob.core.windows.net",
        "ssl.keystore.key",
        "fs.s3a.encryption.key",
        "spark.hadoop.fs.s3a.server-side-encryption.key",
        "spark.hadoop.fs.s3a.secret.key",
        "spark.hadoop.fs.s3a.access.key",
        "ssl.truststore.password",
        "spark.cassandra.auth.password",
        "sasl.jaas.config",
        "spark.hadoop.fs.azure.sas.token",
        "spark.hadoop.fs.gs.auth.service.account.json.keyfile.credential",
        "some.vendor.api-key",
        "spark.authenticate.secret"
      })
  void theseNameSecrets(String name) {
    assertThat(Secrets.isSecret(name)).as(name).isTrue();
    assertThat(Secrets.isSecret(name.toUpperCase(java.util.Locale.ROOT))).as("upper case").isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "key.deserializer",
        "value.deserializer",
        "key.serializer",
        "bootstrap.servers",
        "spark.cassandra.output.batch.grouping.key",
        "cassandra-key",
        "--user-key",
        "spark.sql.shuffle.partitions",
        "ssl.keystore.type",
        "ssl.keystore.location",
        "spark.kerberos.keytab",
        "monkey.business"
      })
  void theseDoNot(String name) {
    assertThat(Secrets.isSecret(name)).as(name).isFalse();
  }
}
