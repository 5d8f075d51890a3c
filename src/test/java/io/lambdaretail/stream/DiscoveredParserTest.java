package io.lambdaretail.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.ingest.BadRecordException;
import io.lambdaretail.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class DiscoveredParserTest {
  private static final StructType TABLE =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("price", DataTypes.DoubleType)
          .add("name", DataTypes.StringType)
          .add("ok", DataTypes.BooleanType);

  @Test
  void newColumnsTakeTheWidestKindOfTheBatchWhateverTheOrder(SparkSession spark) {
    List<String> values =
        List.of(
            "{\"id\": 1, \"price\": 2, \"tags\": [\"a\"], \"Flag\": true}",
            "{\"id\": 2, \"price\": 2.5, \"note\": null, \"mixed\": 1}",
            "{\"mixed\": \"x\", \"flag\": false}",
            "not json");
    Map<String, SchemaInference.Column> seen =
        SchemaInference.observe(spark.createDataset(values, Encoders.STRING()).repartition(2));
    StructType existing = new StructType().add("id", DataTypes.LongType);
    StructType evolved = SchemaInference.evolve(existing, seen);

    assertThat(evolved.fieldNames()).containsExactly("id", "Flag", "mixed", "price", "tags");
    assertThat(evolved.apply("price").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(evolved.apply("mixed").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(evolved.apply("tags").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(evolved.apply("Flag").dataType()).isEqualTo(DataTypes.BooleanType);
  }

  @Test
  void valuesThatFitAreConvertedAndMissingKeysAreNull() throws BadRecordException {
    Row row = new DiscoveredParser(TABLE).parse("{\"ID\": 7, \"price\": 3, \"name\": {\"a\": 1}}");

    assertThat(row.get(0)).isEqualTo(7L);
    assertThat(row.get(1)).isEqualTo(3.0);
    assertThat(row.get(2)).isEqualTo("{\"a\":1}");
    assertThat(row.get(3)).isNull();
  }

  @Test
  void aValueTheColumnCannotHoldIsRejectedWithTheColumnAndTypes() {
    DiscoveredParser parser = new DiscoveredParser(TABLE);

    assertThatThrownBy(() -> parser.parse("{\"id\": \"seven\"}"))
        .isInstanceOf(BadRecordException.class)
        .hasMessage("type mismatch: column 'id' is bigint, the value is string");
    assertThatThrownBy(() -> parser.parse("{\"id\": 1.5}"))
        .hasMessage("type mismatch: column 'id' is bigint, the value is double");
    assertThatThrownBy(() -> parser.parse("{\"ok\": 1}"))
        .hasMessage("type mismatch: column 'ok' is boolean, the value is bigint");
  }

  @Test
  void badRecordsAreRejectedWithAReason() {
    DiscoveredParser parser = new DiscoveredParser(TABLE);

    assertThatThrownBy(() -> parser.parse("{\"id\": 1")).hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> parser.parse("[1, 2]"))
        .hasMessage("malformed JSON: expected one object");
    assertThatThrownBy(() -> parser.parse("{\"id\": 1} {\"id\": 2}"))
        .hasMessageStartingWith("malformed JSON");
    assertThatThrownBy(() -> parser.parse(null)).hasMessage("record has no value");
    assertThatThrownBy(() -> parser.parse("{\"id\": 1, \"ID\": 2}"))
        .hasMessage("keys 'id' and 'ID' differ only in case");
    String injected = "{\"x\\\"; DROP TABLE raw; --\": 1}";
    assertThatThrownBy(() -> parser.parse(injected))
        .hasMessageContaining("is not a valid column name");
    assertThatThrownBy(() -> parser.parse("{\"other\": 1}"))
        .hasMessage("key 'other' has no column in the table");
  }
}
