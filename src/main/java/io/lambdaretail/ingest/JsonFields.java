package io.lambdaretail.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to the fields of one JSON record, failing with a quarantine reason. Ids may come as
 * JSON strings or integral numbers (both are kept as text); times as ISO-8601 (with Z, an offset,
 * or none, read as UTC) or epoch milliseconds (number or digits), normalised to UTC.
 */
final class JsonFields {
  /**
   * ISO-8601 with {@code Z} or {@code +02:00}, and the basic offset {@code +0200} dumps also use.
   */
  private static final List<DateTimeFormatter> OFFSET_FORMATS =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          new DateTimeFormatterBuilder()
              .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .appendOffset("+HHMM", "Z")
              .toFormatter(Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT));

  private JsonFields() {}

  static String requiredText(JsonNode record, String field) throws BadRecordException {
    String value = optionalText(record, field);
    if (value == null) {
      throw new BadRecordException("missing required field '" + field + "'");
    }
    return value;
  }

  static String optionalText(JsonNode record, String field) throws BadRecordException {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() || node.isIntegralNumber()) {
      return node.asText();
    }
    throw wrongType(field, "a string", node);
  }

  static Double optionalDouble(JsonNode record, String field) throws BadRecordException {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    throw wrongType(field, "a number", node);
  }

  static Integer optionalInt(JsonNode record, String field) throws BadRecordException {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    throw wrongType(field, "an integer", node);
  }

  static Boolean optionalBoolean(JsonNode record, String field) throws BadRecordException {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    throw wrongType(field, "true or false", node);
  }

  static Timestamp requiredTime(JsonNode record, String field) throws BadRecordException {
    Timestamp value = optionalTime(record, field);
    if (value == null) {
      throw new BadRecordException("missing required field '" + field + "'");
    }
    return value;
  }

  static Timestamp optionalTime(JsonNode record, String field) throws BadRecordException {
    JsonNode node = record.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return Timestamp.from(Instant.ofEpochMilli(node.longValue()));
    }
    if (node.isTextual()) {
      Instant instant = parseInstant(node.asText().trim());
      if (instant != null) {
        return Timestamp.from(instant);
      }
      throw new BadRecordException(
          "invalid timestamp in '"
              + field
              + "': "
              + abbreviate(node.asText())
              + " (expected ISO-8601 or epoch millis)");
    }
    throw wrongType(field, "a timestamp", node);
  }

  /** ISO-8601 with or without offset (no offset = UTC), or epoch millis as digits; else null. */
  static Instant parseInstant(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    for (DateTimeFormatter format : OFFSET_FORMATS) {
      try {
        return OffsetDateTime.parse(text, format).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static BadRecordException wrongType(String field, String expected, JsonNode node) {
    return new BadRecordException(
        "wrong type for '"
            + field
            + "': expected "
            + expected
            + ", got "
            + node.getNodeType().name().toLowerCase(Locale.ROOT)
            + " "
            + abbreviate(node.toString()));
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
