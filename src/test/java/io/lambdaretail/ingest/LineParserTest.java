package io.lambdaretail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.spark.Schemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One line in: a row of the source's table for a good line, the quarantine reason for a bad one.
 */
class LineParserTest {
  private static final String FILE = "file:/dumps/pdpviews/2024-03-01.ndjson.xz";
  private static final String VIEW =
      "{\"browser_id\":\"b1\",\"user_id\":\"u1\",\"product_id\":\"p1\","
          + "\"timestamp\":\"2024-03-01T23:30:00-02:00\",\"session_id\":\"s1\"";

  private final LineParser parser = new LineParser(EventSource.PDPVIEWS);
  private final StructType schema = parser.tableSchema();

  /** A line of {@link #FILE} at {@code position}. */
  private static SourceLine l(long position, String text) {
    return SourceLine.of(FILE, position, text);
  }

  private Object get(Row row, String column) {
    return row.get(schema.fieldIndex(column));
  }

  /** The row of a good line. */
  private static Row good(LineParser parser, SourceLine line) {
    try {
      return parser.toTableRow(line);
    } catch (BadRecordException e) {
      throw new AssertionError("unexpected bad line " + line + ": " + e.getMessage(), e);
    }
  }

  /** The quarantine reason of a bad line, or null when the line is good. */
  private static String reason(LineParser parser, SourceLine line) {
    try {
      parser.toTableRow(line);
      return null;
    } catch (BadRecordException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void rowsHaveTheSourcesTableSchema(EventSource source) {
    assertThat(new LineParser(source).tableSchema())
        .as("schema of %s", source)
        .isEqualTo(source.table());
  }

  @Test
  void goodLineGivesTypedColumnsUtcTimeAndDate() {
    Row row = good(parser, l(1234, VIEW + "}"));

    assertThat(row.length()).as("row width").isEqualTo(schema.length());
    assertThat(get(row, Schemas.BROWSER_ID)).as("browser_id").isEqualTo("b1");
    assertThat(get(row, Schemas.USER_ID)).as("user_id").isEqualTo("u1");
    assertThat(get(row, Schemas.PRODUCT_ID)).as("product_id").isEqualTo("p1");
    assertThat(get(row, Schemas.SESSION_ID)).as("session_id").isEqualTo("s1");
    assertThat(((Timestamp) get(row, Schemas.EVENT_TIME)).toInstant())
        .as("event_time in UTC")
        .isEqualTo(Instant.parse("2024-03-02T01:30:00Z"));
    assertThat(((Date) get(row, Schemas.EVENT_DATE)).toLocalDate())
        .as("event_date is the UTC date, not the producer's local date")
        .isEqualTo(LocalDate.of(2024, 3, 2));
    assertThat(get(row, Schemas.EXTRA)).as("no extra keys").isNull();
  }

  @Test
  void extraKeysAreKeptAsJsonTextWithStringsUnquoted() {
    Row row =
        good(
            parser,
            l(
                0,
                VIEW
                    + ",\"ref\":\"email \\\"spring\\\"\",\"n\":3,\"price\":9.50,\"flag\":true,"
                    + "\"nothing\":null,\"obj\":{\"a\":[1,\"x\"]},\"list\":[1,2],"
                    + "\"event_time\":\"2020-01-01T00:00:00Z\",\"\u00e9t\u00e9\":\"\u263a\"}"));

    Map<String, String> extra = row.getJavaMap(schema.fieldIndex(Schemas.EXTRA));
    assertThat(extra)
        .as("extra map")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ref", "email \"spring\"",
                "n", "3",
                "price", "9.5",
                "flag", "true",
                "nothing", "null",
                "obj", "{\"a\":[1,\"x\"]}",
                "list", "[1,2]",
                "event_time", "2020-01-01T00:00:00Z",
                "\u00e9t\u00e9", "\u263a"));
    assertThat(((Timestamp) get(row, Schemas.EVENT_TIME)).toInstant())
        .as("an input key named like a table column does not override the event time")
        .isEqualTo(Instant.parse("2024-03-02T01:30:00Z"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not json|malformed JSON: ",
        "{\"browser_id\":\"b1\",|malformed JSON: ",
        "[1,2]|malformed JSON: expected one object per line",
        "\"text\"|malformed JSON: expected one object per line",
        "42|malformed JSON: expected one object per line",
        "``|malformed JSON: expected one object per line",
        "{\"browser_id\":\"b\",\"product_id\":true,\"timestamp\":0}|"
            + "wrong type for 'product_id': expected a string, got boolean true",
        "{\"product_id\":\"p\",\"timestamp\":0}|missing required field 'browser_id'",
        "{\"browser_id\":\"b\",\"product_id\":\"p\",\"timestamp\":\"2024-13-01T00:00:00Z\"}|"
            + "invalid timestamp in 'timestamp': 2024-13-01T00:00:00Z"
            + " (expected ISO-8601 or epoch millis)"
      })
  void badLineGivesItsReason(String text, String reason) {
    assertThat(reason(parser, l(99, text))).as("reason").startsWith(reason);
  }

  @Test
  void malformedJsonReasonSaysWhatTheParserFound() {
    assertThat(reason(parser, l(0, "{\"browser_id\":\"b1\",")))
        .as("reason")
        .startsWith("malformed JSON: ")
        .hasSizeGreaterThan("malformed JSON: ".length() + 5)
        .doesNotContain("\n");
  }

  /**
   * A line holding more than one JSON value (two records glued together by a producer that lost a
   * newline, or trailing garbage) is not one JSON object; keeping only the first value would drop
   * the rest of the line without a trace.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"browser_id\":\"b1\",\"product_id\":\"p\",\"timestamp\":0}"
            + "{\"browser_id\":\"b2\",\"product_id\":\"p\",\"timestamp\":0}",
        "{\"browser_id\":\"b1\",\"product_id\":\"p\",\"timestamp\":0} trailing garbage",
        "{\"browser_id\":\"b1\",\"product_id\":\"p\",\"timestamp\":0}]"
      })
  void lineWithTrailingContentIsMalformed(String text) {
    assertThat(reason(parser, l(0, text)))
        .as("reason for a line with content after the first JSON value: %s", text)
        .startsWith("malformed JSON");
  }

  @Test
  void readErrorIsABadLine() {
    assertThat(reason(parser, SourceLine.readError(FILE, 4096, "IOException: xz data is damaged")))
        .as("reason")
        .isEqualTo("unreadable input: IOException: xz data is damaged");
  }

  @Test
  void ordersAndDealsParseToTheirTables() {
    LineParser orderParser = new LineParser(EventSource.TRANSACTIONS);
    Row order =
        good(
            orderParser,
            l(
                0,
                "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":\"2024-03-01T00:00:00Z\","
                    + "\"items\":[{\"product_id\":\"p\",\"quantity\":1}],\"coupon\":\"X\"}"));
    StructType orders = orderParser.tableSchema();
    assertThat(order.length()).as("order row width").isEqualTo(orders.length());
    assertThat(order.getJavaMap(orders.fieldIndex(Schemas.EXTRA)))
        .as("order extra")
        .containsExactlyEntriesOf(Map.of("coupon", "X"));
    assertThat(order.getDate(orders.fieldIndex(Schemas.EVENT_DATE)).toLocalDate())
        .as("order date")
        .isEqualTo(LocalDate.of(2024, 3, 1));

    LineParser dealParser = new LineParser(EventSource.DEALS);
    Row deal =
        good(dealParser, l(0, "{\"id\":\"d\",\"updated_at\":\"2024-03-01T23:59:59.999-00:01\"}"));
    StructType deals = dealParser.tableSchema();
    assertThat(deal.length()).as("deal row width").isEqualTo(deals.length());
    assertThat(deal.getDate(deals.fieldIndex(Schemas.EVENT_DATE)).toLocalDate())
        .as("deal date from updated_at in UTC")
        .isEqualTo(LocalDate.of(2024, 3, 2));
  }

  @Test
  void parserSurvivesSerialisationToTheTasks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
      good(parser, l(0, VIEW + "}"));
      // a used parser too, written afresh rather than as a back-reference
      out.reset();
      out.writeObject(parser);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (int i = 0; i < 2; i++) {
        LineParser shipped = (LineParser) in.readObject();
        assertThat(good(shipped, l(7, VIEW + "}")))
            .as("row from a deserialised parser (%d)", i)
            .isEqualTo(good(parser, l(7, VIEW + "}")));
      }
    }
  }

  @Test
  void unknownKeysOfOrderItemsAreKeptInExtra() {
    LineParser orders = new LineParser(EventSource.TRANSACTIONS);
    Row row =
        good(
            orders,
            l(
                0,
                "{\"user_id\":\"u1\",\"order_id\":\"o1\",\"timestamp\":1709251200000,"
                    + "\"items\":[{\"product_id\":\"p1\",\"quantity\":1,\"price\":2.5},"
                    + "{\"product_id\":\"p2\",\"quantity\":2,\"gift\":true,\"note\":\"red\"}]}"));

    Object extra = row.get(orders.tableSchema().fieldIndex(Schemas.EXTRA));
    assertThat(scala.collection.JavaConverters.mapAsJavaMap((scala.collection.Map<?, ?>) extra))
        .as("item keys beyond the contract")
        .isEqualTo(Map.of("items[1].gift", "true", "items[1].note", "red"));
  }

  @Test
  void basicUtcOffsetIsAccepted() {
    Row row =
        good(
            parser,
            l(
                0,
                "{\"browser_id\":\"b1\",\"product_id\":\"p1\",\"timestamp\":\"2024-03-01T23:30:00+0200\"}"));

    assertThat(get(row, Schemas.EVENT_TIME))
        .as("+0200 normalised to UTC")
        .isEqualTo(Timestamp.from(Instant.parse("2024-03-01T21:30:00Z")));
  }
}
