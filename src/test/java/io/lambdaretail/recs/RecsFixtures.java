package io.lambdaretail.recs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small interaction tables for the recommender tests. */
public final class RecsFixtures {
  static final StructType EVENTS =
      new StructType()
          .add(Interactions.USER_ID, DataTypes.StringType)
          .add(Interactions.ITEM_ID, DataTypes.StringType)
          .add(Interactions.TIMESTAMP, DataTypes.TimestampType)
          .add(ImplicitFeedback.ADDITIVE, DataTypes.DoubleType)
          .add(ImplicitFeedback.ONCE, DataTypes.DoubleType)
          .add(ImplicitFeedback.PURCHASE, DataTypes.BooleanType);

  private RecsFixtures() {}

  static Timestamp day(int d) {
    return Timestamp.from(Instant.parse("2024-01-01T12:00:00Z").plusSeconds(86_400L * d));
  }

  static Row view(String user, String item, int day) {
    return RowFactory.create(user, item, day(day), 1d, 0d, false);
  }

  static Row purchase(String user, String item, int day) {
    return RowFactory.create(user, item, day(day), 0d, 10d, true);
  }

  static Dataset<Row> events(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), EVENTS);
  }

  /**
   * Two taste groups: users u00..u19 interact with items a00..a14, users u20..u39 with b00..b14;
   * each user touches 8 items of their group over 10 days (one a day), and a few popular items of
   * both groups appear for everyone. Written as CSV {@code user_id,item_id,weight,timestamp}.
   */
  public static Path twoGroups(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("user_id,item_id,weight,timestamp");
    for (int u = 0; u < 40; u++) {
      String group = u < 20 ? "a" : "b";
      for (int i = 0; i < 8; i++) {
        int item = (u * 3 + i * 2) % 15;
        long ts = day(i).getTime() / 1000 + u;
        lines.add(String.format("u%02d,%s%02d,%d,%d", u, group, item, 1 + (i % 3), ts));
      }
    }
    Path csv = dir.resolve("interactions.csv");
    Files.write(csv, lines, StandardCharsets.UTF_8);
    return csv;
  }
}
