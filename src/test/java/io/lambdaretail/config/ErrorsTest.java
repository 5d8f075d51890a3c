package io.lambdaretail.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad value in a message: printable and short, whatever the input held. */
class ErrorsTest {
  @Test
  void aBadValueIsQuotedPrintableAndAtMost200Characters() {
    String binary = "\u0000\u0001PK\u0003\u0004" + "x".repeat(5000) + "\uFFFD";

    String message = Errors.invalid("--input", binary, "use a CSV file").getMessage();

    assertThat(message).startsWith("Invalid value '??PK??xxx").contains("...' for --input");
    assertThat(message).doesNotContain("\u0000").hasSizeLessThan(260);
  }

  @Test
  void aHeaderOfBinaryGarbageIsQuotedShort() {
    List<String> found = List.of("\u0000".repeat(3000), "b");

    String message =
        Errors.missingColumns("f.csv", List.of("date"), found, "Give a CSV.").getMessage();

    assertThat(message).contains("its header has [???").hasSizeLessThan(400);
  }

  @Test
  void shortPrintableValuesAreQuotedAsTheyAre() {
    assertThat(Errors.printable("2026-12-06")).isEqualTo("2026-12-06");
    assertThat(Errors.printable("ä€🙂")).isEqualTo("ä€🙂");
  }
}
