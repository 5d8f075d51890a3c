package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaretail.generate.BadLines.Defect;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BadLinesTest {
  private static final String VIEW =
      "{\"browser_id\":\"b1\",\"user_id\":null,\"product_id\":\"p000001\","
          + "\"timestamp\":1704067200000,\"session_id\":\"s1\"}";
  private static final String ORDER =
      "{\"user_id\":\"u1\",\"browser_id\":\"b1\",\"order_id\":\"o1\","
          + "\"timestamp\":\"2024-01-01T10:00:00.000Z\",\"items\":[{\"product_id\":\"p1\","
          + "\"quantity\":2,\"price\":9.99},{\"product_id\":\"p2\",\"quantity\":1,\"price\":1.5}]}";

  @Test
  void brokenJsonNeverParses() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      String view = BadLines.corrupt(VIEW, EventKind.PDPVIEWS, Defect.BROKEN_JSON, rng);
      String order = BadLines.corrupt(ORDER, EventKind.TRANSACTIONS, Defect.BROKEN_JSON, rng);
      assertThat(GeneratedFiles.parse(view)).as("broken view %s", view).isEmpty();
      assertThat(GeneratedFiles.parse(order)).as("broken order %s", order).isEmpty();
    }
  }

  @Test
  void wrongTypesKeepTheJsonValid() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) {
      JsonNode view = parsed(BadLines.corrupt(VIEW, EventKind.PDPVIEWS, Defect.WRONG_TYPE, rng));
      boolean productIsObject = view.get("product_id").isObject();
      boolean timestampIsWord = "yesterday".equals(view.get("timestamp").asText());
      assertThat(productIsObject ^ timestampIsWord).as("exactly one wrong type: %s", view).isTrue();

      JsonNode order =
          parsed(BadLines.corrupt(ORDER, EventKind.TRANSACTIONS, Defect.WRONG_TYPE, rng));
      JsonNode item = order.get("items").get(0);
      int wrong =
          (item.get("product_id").isObject() ? 1 : 0)
              + ("yesterday".equals(order.get("timestamp").asText()) ? 1 : 0)
              + ("three".equals(item.get("quantity").asText()) ? 1 : 0);
      assertThat(wrong).as("one wrong type in %s", order).isEqualTo(1);
    }
  }

  @Test
  void missingFieldsLeaveTheRestIntact() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 100; i++) {
      JsonNode view = parsed(BadLines.corrupt(VIEW, EventKind.PDPVIEWS, Defect.MISSING_FIELD, rng));
      assertThat(view.has("product_id") ^ view.has("timestamp"))
          .as("exactly one of product_id, timestamp removed: %s", view)
          .isTrue();
      assertThat(view.size()).as("other fields kept").isEqualTo(4);

      JsonNode order =
          parsed(BadLines.corrupt(ORDER, EventKind.TRANSACTIONS, Defect.MISSING_FIELD, rng));
      assertThat(order.has("order_id") ^ order.has("timestamp"))
          .as("exactly one of order_id, timestamp removed: %s", order)
          .isTrue();
      assertThat(order.get("items").size()).as("items kept").isEqualTo(2);
    }
  }

  @Test
  void removeFieldHandlesTheLastField() {
    assertThat(BadLines.removeField(VIEW, "session_id"))
        .as("trailing field and its comma removed")
        .isEqualTo(
            "{\"browser_id\":\"b1\",\"user_id\":null,\"product_id\":\"p000001\","
                + "\"timestamp\":1704067200000}");
    assertThat(BadLines.replaceValue(VIEW, "user_id", "7"))
        .as("null literal replaced")
        .contains("\"user_id\":7,");
  }

  private static JsonNode parsed(String line) {
    return GeneratedFiles.parse(line)
        .orElseThrow(() -> new AssertionError("should still parse: " + line));
  }
}
