package io.lambdaretail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed field access and timestamp normalisation on one-line JSON records. */
class JsonFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The record {@code {"f": <value>}}. */
  private static JsonNode f(String value) {
    try {
      return JSON.readTree("{\"f\":" + value + "}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode empty() {
    return JSON.createObjectNode();
  }

  @Test
  void textAcceptsStringsAndIntegralNumbers() throws Exception {
    assertThat(JsonFields.requiredText(f("\"p-1\""), "f")).as("string").isEqualTo("p-1");
    assertThat(JsonFields.requiredText(f("42"), "f")).as("integral id").isEqualTo("42");
    assertThat(JsonFields.requiredText(f("12345678901234567890"), "f"))
        .as("id beyond long")
        .isEqualTo("12345678901234567890");
    assertThat(JsonFields.requiredText(f("\"\""), "f")).as("empty string").isEmpty();
    assertThat(JsonFields.optionalText(f("null"), "f")).as("null").isNull();
    assertThat(JsonFields.optionalText(empty(), "f")).as("absent").isNull();
  }

  @Test
  void missingRequiredTextIsNamed() {
    assertThatThrownBy(() -> JsonFields.requiredText(empty(), "product_id"))
        .as("absent key")
        .isInstanceOf(BadRecordException.class)
        .hasMessage("missing required field 'product_id'");
    assertThatThrownBy(() -> JsonFields.requiredText(f("null"), "f"))
        .as("null value")
        .isInstanceOf(BadRecordException.class)
        .hasMessage("missing required field 'f'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1.5|wrong type for 'f': expected a string, got number 1.5",
        "true|wrong type for 'f': expected a string, got boolean true",
        "{\"a\":1}|wrong type for 'f': expected a string, got object {\"a\":1}",
        "[\"x\"]|wrong type for 'f': expected a string, got array [\"x\"]"
      })
  void textOfAnotherTypeIsAWrongType(String value, String reason) {
    assertThatThrownBy(() -> JsonFields.optionalText(f(value), "f"))
        .as("text from %s", value)
        .isInstanceOf(BadRecordException.class)
        .hasMessage(reason);
  }

  @Test
  void numbersAndBooleans() throws Exception {
    assertThat(JsonFields.optionalDouble(f("12"), "f")).as("integral price").isEqualTo(12.0);
    assertThat(JsonFields.optionalDouble(f("12.5"), "f")).as("price").isEqualTo(12.5);
    assertThat(JsonFields.optionalDouble(empty(), "f")).as("absent price").isNull();
    assertThat(JsonFields.optionalInt(f("3"), "f")).as("quantity").isEqualTo(3);
    assertThat(JsonFields.optionalInt(f("null"), "f")).as("null quantity").isNull();
    assertThat(JsonFields.optionalBoolean(f("false"), "f")).as("boolean").isFalse();
    assertThat(JsonFields.optionalBoolean(empty(), "f")).as("absent boolean").isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "double|\"12.5\"|wrong type for 'f': expected a number, got string \"12.5\"",
        "int|\"3\"|wrong type for 'f': expected an integer, got string \"3\"",
        "int|3.0|wrong type for 'f': expected an integer, got number 3.0",
        "int|3000000000|wrong type for 'f': expected an integer, got number 3000000000",
        "boolean|\"true\"|wrong type for 'f': expected true or false, got string \"true\"",
        "boolean|1|wrong type for 'f': expected true or false, got number 1"
      })
  void wrongTypesAreNamedWithTheValue(String type, String value, String reason) {
    assertThatThrownBy(() -> typed(type, f(value)))
        .as("%s from %s", type, value)
        .isInstanceOf(BadRecordException.class)
        .hasMessage(reason);
  }

  private static Object typed(String type, JsonNode record) throws BadRecordException {
    return switch (type) {
      case "double" -> JsonFields.optionalDouble(record, "f");
      case "int" -> JsonFields.optionalInt(record, "f");
      default -> JsonFields.optionalBoolean(record, "f");
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"2024-03-01T10:15:30Z\"|2024-03-01T10:15:30Z",
        "\"2024-03-01T10:15:30.123Z\"|2024-03-01T10:15:30.123Z",
        "\"2024-03-01T12:15:30.123+02:00\"|2024-03-01T10:15:30.123Z",
        "\"2024-03-01T05:15:30-05:00\"|2024-03-01T10:15:30Z",
        "\"2024-03-01T23:30:00-02:00\"|2024-03-02T01:30:00Z",
        "\"2024-03-01T15:45:30+05:30\"|2024-03-01T10:15:30Z",
        "\"2024-03-01T12:15:30+02\"|2024-03-01T10:15:30Z",
        "\"2024-03-01T10:15Z\"|2024-03-01T10:15:00Z",
        "\"2024-03-01T10:15:30\"|2024-03-01T10:15:30Z",
        "\"2024-03-01T10:15:30.123456\"|2024-03-01T10:15:30.123456Z",
        "\" 2024-03-01T10:15:30Z \"|2024-03-01T10:15:30Z",
        "1709288130123|2024-03-01T10:15:30.123Z",
        "\"1709288130123\"|2024-03-01T10:15:30.123Z",
        "0|1970-01-01T00:00:00Z",
        "\"0\"|1970-01-01T00:00:00Z"
      })
  void timestampsAreNormalisedToUtc(String value, String expected) throws Exception {
    assertThat(JsonFields.requiredTime(f(value), "f").toInstant())
        .as("instant of %s", value)
        .isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "yesterday",
        "2024-02-30T00:00:00Z",
        "2024-03-01",
        "2024-03-01T25:00:00Z",
        "1709288130123000000",
        "12:00"
      })
  void unparseableTimestampsAreInvalid(String value) {
    assertThatThrownBy(() -> JsonFields.requiredTime(f("\"" + value + "\""), "f"))
        .as("timestamp %s", value)
        .isInstanceOf(BadRecordException.class)
        .hasMessage("invalid timestamp in 'f': " + value + " (expected ISO-8601 or epoch millis)");
    assertThat(JsonFields.parseInstant(value)).as("parseInstant(%s)", value).isNull();
  }

  @Test
  void longInvalidTimestampsAreAbbreviatedInTheReason() {
    String value = "x".repeat(100);
    assertThatThrownBy(() -> JsonFields.requiredTime(f("\"" + value + "\""), "f"))
        .as("long value")
        .isInstanceOf(BadRecordException.class)
        .hasMessage(
            "invalid timestamp in 'f': "
                + "x".repeat(57)
                + "... (expected ISO-8601 or epoch millis)");
  }

  @Test
  void timestampsOfAnotherTypeAreAWrongType() {
    assertThatThrownBy(() -> JsonFields.requiredTime(f("true"), "f"))
        .as("boolean timestamp")
        .isInstanceOf(BadRecordException.class)
        .hasMessage("wrong type for 'f': expected a timestamp, got boolean true");
    assertThatThrownBy(() -> JsonFields.requiredTime(f("1.7E12"), "f"))
        .as("floating point timestamp")
        .isInstanceOf(BadRecordException.class)
        .hasMessage("wrong type for 'f': expected a timestamp, got number 1.7E12");
    assertThatThrownBy(() -> JsonFields.requiredTime(empty(), "timestamp"))
        .as("absent timestamp")
        .isInstanceOf(BadRecordException.class)
        .hasMessage("missing required field 'timestamp'");
  }

  @Test
  void optionalTimeMayBeAbsent() throws Exception {
    assertThat(JsonFields.optionalTime(empty(), "expires_at")).as("absent").isNull();
    assertThat(JsonFields.optionalTime(f("null"), "f")).as("null").isNull();
  }

  @Test
  void abbreviateKeepsShortTextAndCutsLongText() {
    assertThat(JsonFields.abbreviate("x".repeat(60))).as("60 characters").hasSize(60);
    assertThat(JsonFields.abbreviate("y".repeat(61)))
        .as("61 characters")
        .isEqualTo("y".repeat(57) + "...");
  }
}
