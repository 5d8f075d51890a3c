package io.lambdaretail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.config.ConfigResolver;
import io.lambdaretail.recs.hybrid.Loss;
import io.lambdaretail.recs.hybrid.Schedule;
import io.lambdaretail.recs.hybrid.TrainHybridOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** train-hybrid's options as parsed from a real command line; bad values exit 2 before Spark. */
class TrainHybridCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private TrainHybridOptions parse(String... args) {
    CommandLine cli =
        Main.commandLine(
            new PrintWriter(out, true), new PrintWriter(err, true), ConfigResolver.fromArgs(args));
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    return ((TrainHybridCommand) parsed.subcommand().commandSpec().userObject()).options();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    TrainHybridOptions o =
        parse("train-hybrid", "--interactions", "x.csv", "--item-features", "items.csv");
    assertThat(o.model().loss()).isEqualTo(Loss.WARP);
    assertThat(o.model().schedule()).isEqualTo(Schedule.ADAGRAD);
    assertThat(o.model().components()).isEqualTo(32);
    assertThat(o.model().learningRate()).isEqualTo(0.1f);
    assertThat(o.userIdentity()).isTrue();
    assertThat(o.itemIdentity()).isTrue();
    assertThat(o.coldItemShare()).isEqualTo(0.2);
    assertThat(o.compareAls()).isTrue();
    assertThat(o.modelOut()).isEqualTo("models/hybrid");
  }

  @Test
  void tuningOptionsReachTheConfig() {
    TrainHybridOptions o =
        parse(
            "train-hybrid",
            "--interactions",
            "x.csv",
            "--user-features",
            "u.csv",
            "--item-features",
            "i.csv",
            "--loss",
            "warp-kos",
            "--schedule",
            "adadelta",
            "--components",
            "8",
            "--epochs",
            "3",
            "--item-alpha",
            "0.001",
            "--identity-features",
            "users",
            "--no-als",
            "--cold-item-share",
            "0");
    assertThat(o.model().loss()).isEqualTo(Loss.WARP_KOS);
    assertThat(o.model().schedule()).isEqualTo(Schedule.ADADELTA);
    assertThat(o.model().components()).isEqualTo(8);
    assertThat(o.model().epochs()).isEqualTo(3);
    assertThat(o.model().itemAlpha()).isEqualTo(0.001f);
    assertThat(o.userIdentity()).isTrue();
    assertThat(o.itemIdentity()).isFalse();
    assertThat(o.compareAls()).isFalse();
    assertThat(o.coldItemShare()).isZero();
  }

  @Test
  void badValuesExitTwoWithTheOption() {
    assertThat(run("train-hybrid", "--interactions", "x.csv", "--loss", "hinge"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("--loss").contains("warp, bpr, logistic or warp-kos");
    assertThat(run("train-hybrid", "--interactions", "x.csv", "--components", "0"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("--components must be at least 1");
    assertThat(run("train-hybrid", "--interactions", "x.csv", "--identity-features", "none"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("needs --user-features");
    assertThat(run("train-hybrid", "--interactions", "/nonexistent/pairs.csv"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("--interactions '/nonexistent/pairs.csv' does not exist");
  }
}
