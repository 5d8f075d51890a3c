package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** conf/local.properties and conf/emr.properties document every option of every command. */
class ConfigFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"local", "emr"})
  void shippedFilesAreTheTemplateOfTheCurrentOptions(String env) throws IOException {
    Path file = Path.of(System.getProperty("lr.project.dir", "."), "conf", env + ".properties");

    assertThat(Files.readString(file))
        .as(
            "conf/%s.properties is out of date: regenerate it with LR_MAIN_CLASS="
                + "io.lambdaretail.cli.ConfigTemplate scripts/lambda-retail %s",
            env, env)
        .isEqualTo(ConfigTemplate.template(env));
    assertThat(Files.readString(file))
        .contains("#stream.checkpoint=")
        .contains("#train-als.rank=16")
        .contains("#predict-sales.cassandra-host=");
  }
}
