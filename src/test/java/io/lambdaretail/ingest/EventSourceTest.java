package io.lambdaretail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.spark.Schemas;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import scala.collection.JavaConverters;

/** The per-source contracts: required fields, types and the order of the typed values. */
class EventSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORDER_ITEMS = "\"items\":[{\"product_id\":\"p1\",\"quantity\":2}]";

  private static JsonNode j(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Instant instant(Object value) {
    return ((Timestamp) value).toInstant();
  }

  @Test
  void namesAndTables() {
    assertThat(List.of(EventSource.values()).stream().map(EventSource::cliName))
        .as("command line names")
        .containsExactly("pdpviews", "transactions", "deals");
    assertThat(EventSource.PDPVIEWS.table()).as("pdpviews table").isEqualTo(Schemas.PDPVIEWS_TABLE);
    assertThat(EventSource.TRANSACTIONS.table())
        .as("transactions table")
        .isEqualTo(Schemas.TRANSACTIONS_TABLE);
    assertThat(EventSource.DEALS.table()).as("deals table").isEqualTo(Schemas.DEALS_TABLE);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void tablesEndWithExtraAndEventDate(EventSource source) {
    String[] names = source.table().fieldNames();
    assertThat(List.of(names).subList(names.length - 2, names.length))
        .as("last columns of %s", source)
        .containsExactly(Schemas.EXTRA, Schemas.EVENT_DATE);
    assertThat(source.table().fieldIndex(Schemas.EVENT_TIME))
        .as("event_time column of %s", source)
        .isGreaterThanOrEqualTo(0);
  }

  @Test
  void knownKeysAreTheContractsKeys() {
    assertThat(EventSource.PDPVIEWS.isKnownKey("timestamp")).as("timestamp").isTrue();
    assertThat(EventSource.PDPVIEWS.isKnownKey("session_id")).as("session_id").isTrue();
    assertThat(EventSource.PDPVIEWS.isKnownKey("event_time")).as("table column").isFalse();
    assertThat(EventSource.PDPVIEWS.isKnownKey("referrer")).as("other key").isFalse();
    assertThat(EventSource.TRANSACTIONS.isKnownKey("items")).as("items").isTrue();
    assertThat(EventSource.DEALS.isKnownKey("merchant_country")).as("deal key").isTrue();
    assertThat(EventSource.DEALS.isKnownKey("product_id")).as("not a deal key").isFalse();
  }

  @Test
  void pageViewValuesInTableOrder() throws Exception {
    Object[] v =
        EventSource.PDPVIEWS.typedValues(
            j(
                "{\"session_id\":\"s1\",\"timestamp\":\"2024-03-01T10:00:00+01:00\","
                    + "\"product_id\":7,\"user_id\":null,\"browser_id\":\"b1\"}"));

    assertThat(v).as("values").hasSize(5);
    assertThat(List.of(v[0], v[2], v[4]))
        .as("browser, product, session")
        .containsExactly("b1", "7", "s1");
    assertThat(v[1]).as("user_id may be null").isNull();
    assertThat(instant(v[3])).as("event time").isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"product_id\":\"p\",\"timestamp\":0}|missing required field 'browser_id'",
        "{\"browser_id\":\"b\",\"timestamp\":0}|missing required field 'product_id'",
        "{\"browser_id\":\"b\",\"product_id\":\"p\"}|missing required field 'timestamp'",
        "{\"browser_id\":\"b\",\"product_id\":\"p\",\"timestamp\":null}|"
            + "missing required field 'timestamp'",
        "{\"browser_id\":false,\"product_id\":\"p\",\"timestamp\":0}|"
            + "wrong type for 'browser_id': expected a string, got boolean false",
        "{\"browser_id\":\"b\",\"product_id\":\"p\",\"timestamp\":0,\"user_id\":{}}|"
            + "wrong type for 'user_id': expected a string, got object {}",
        "{\"browser_id\":\"b\",\"product_id\":\"p\",\"timestamp\":\"soon\"}|"
            + "invalid timestamp in 'timestamp': soon (expected ISO-8601 or epoch millis)"
      })
  void badPageViews(String json, String reason) {
    assertThatThrownBy(() -> EventSource.PDPVIEWS.typedValues(j(json)))
        .as("reason for %s", json)
        .isInstanceOf(BadRecordException.class)
        .hasMessage(reason);
  }

  @Test
  void orderValuesWithItems() throws Exception {
    Object[] v =
        EventSource.TRANSACTIONS.typedValues(
            j(
                "{\"user_id\":\"u1\",\"order_id\":\"o1\",\"timestamp\":1709251200000,"
                    + "\"items\":[{\"product_id\":\"p1\",\"quantity\":2,\"price\":9.5},"
                    + "{\"product_id\":\"p2\",\"quantity\":1}]}"));

    assertThat(v).as("values").hasSize(5);
    assertThat(List.of(v[0], v[2])).as("user, order").containsExactly("u1", "o1");
    assertThat(v[1]).as("browser_id may be null when user_id is set").isNull();
    assertThat(instant(v[3])).as("event time").isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    @SuppressWarnings("unchecked")
    List<Row> items = JavaConverters.seqAsJavaList((scala.collection.Seq<Row>) v[4]);
    assertThat(items)
        .as("items")
        .containsExactly(
            org.apache.spark.sql.RowFactory.create("p1", 2, 9.5),
            org.apache.spark.sql.RowFactory.create("p2", 1, null));
  }

  @Test
  void anonymousOrdersNeedABrowser() throws Exception {
    Object[] v =
        EventSource.TRANSACTIONS.typedValues(
            j("{\"browser_id\":\"b1\",\"order_id\":\"o1\",\"timestamp\":0," + ORDER_ITEMS + "}"));
    assertThat(v[0]).as("user_id").isNull();
    assertThat(v[1]).as("browser_id").isEqualTo("b1");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"order_id\":\"o\",\"timestamp\":0,ITEMS}|"
            + "missing required field 'user_id' or 'browser_id'",
        "{\"user_id\":\"u\",\"timestamp\":0,ITEMS}|missing required field 'order_id'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",ITEMS}|missing required field 'timestamp'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0}|missing required field 'items'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":null}|"
            + "missing required field 'items'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":[]}|"
            + "wrong type for 'items': expected a non-empty array",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":\"p1\"}|"
            + "wrong type for 'items': expected a non-empty array",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":[\"p1\"]}|"
            + "wrong type for 'items': expected objects in the array",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":[{\"quantity\":1}]}|"
            + "missing required field 'product_id'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,\"items\":[{\"product_id\":\"p\"}]}|"
            + "missing required field 'items[].quantity'",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,"
            + "\"items\":[{\"product_id\":\"p\",\"quantity\":\"three\"}]}|"
            + "wrong type for 'quantity': expected an integer, got string \"three\"",
        "{\"user_id\":\"u\",\"order_id\":\"o\",\"timestamp\":0,"
            + "\"items\":[{\"product_id\":\"p\",\"quantity\":1,\"price\":\"9.5\"}]}|"
            + "wrong type for 'price': expected a number, got string \"9.5\""
      })
  void badOrders(String json, String reason) {
    String record = json.replace("ITEMS", ORDER_ITEMS);
    assertThatThrownBy(() -> EventSource.TRANSACTIONS.typedValues(j(record)))
        .as("reason for %s", record)
        .isInstanceOf(BadRecordException.class)
        .hasMessage(reason);
  }

  private static final String DEAL =
      "{\"id\":\"d1\",\"category\":\"food\",\"sub_category\":\"pizza\",\"title\":\"2 for 1\","
          + "\"price\":9.5,\"discount_percentage\":50,\"number_sold\":12,"
          + "\"provider_name\":\"agg\",\"merchant_id\":77,\"merchant_name\":\"Luigi\","
          + "\"merchant_locality\":\"Soho\",\"merchant_region\":\"London\","
          + "\"merchant_country\":\"UK\",\"online\":true,"
          + "\"expires_at\":\"2024-04-01T00:00:00Z\",\"created_at\":1709251200000,"
          + "\"updated_at\":\"2024-03-02T01:00:00+02:00\"}";

  @Test
  void dealValuesFollowTheTable() throws Exception {
    Object[] v = EventSource.DEALS.typedValues(j(DEAL));
    List<String> columns = List.of(EventSource.DEALS.table().fieldNames());

    assertThat(v).as("values: the deal's keys, then event_time").hasSize(columns.size() - 2);
    assertThat(v[columns.indexOf("id")]).as("id").isEqualTo("d1");
    assertThat(v[columns.indexOf("merchant_id")]).as("numeric merchant id").isEqualTo("77");
    assertThat(v[columns.indexOf("price")]).as("price").isEqualTo(9.5);
    assertThat(v[columns.indexOf("discount_percentage")]).as("discount").isEqualTo(50.0);
    assertThat(v[columns.indexOf("number_sold")]).as("sold").isEqualTo(12);
    assertThat(v[columns.indexOf("online")]).as("online").isEqualTo(true);
    assertThat(instant(v[columns.indexOf("expires_at")]))
        .as("expires_at")
        .isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    assertThat(instant(v[columns.indexOf("created_at")]))
        .as("created_at from epoch millis")
        .isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(instant(v[columns.indexOf("updated_at")]))
        .as("updated_at in UTC")
        .isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
    assertThat(v[columns.indexOf(Schemas.EVENT_TIME)])
        .as("event_time is updated_at")
        .isEqualTo(v[columns.indexOf("updated_at")]);
  }

  @Test
  void sparseDealsNeedOnlyIdAndUpdatedAt() throws Exception {
    Object[] v = EventSource.DEALS.typedValues(j("{\"id\":\"d1\",\"updated_at\":0}"));
    assertThat(java.util.Arrays.stream(v).filter(x -> x != null).count())
        .as("non-null values: id, updated_at, event_time")
        .isEqualTo(3);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"updated_at\":0}|missing required field 'id'",
        "{\"id\":\"d1\"}|missing required field 'updated_at'",
        "{\"id\":\"d1\",\"updated_at\":0,\"discount_percentage\":\"50%\"}|"
            + "wrong type for 'discount_percentage': expected a number, got string \"50%\"",
        "{\"id\":\"d1\",\"updated_at\":0,\"online\":\"yes\"}|"
            + "wrong type for 'online': expected true or false, got string \"yes\"",
        "{\"id\":\"d1\",\"updated_at\":0,\"expires_at\":\"never\"}|"
            + "invalid timestamp in 'expires_at': never (expected ISO-8601 or epoch millis)"
      })
  void badDeals(String json, String reason) {
    assertThatThrownBy(() -> EventSource.DEALS.typedValues(j(json)))
        .as("reason for %s", json)
        .isInstanceOf(BadRecordException.class)
        .hasMessage(reason);
  }
}
