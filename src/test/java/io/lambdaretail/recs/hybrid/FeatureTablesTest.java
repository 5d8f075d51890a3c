package io.lambdaretail.recs.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdaretail.config.PipelineConfigException;
import io.lambdaretail.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class FeatureTablesTest {
  @TempDir Path dir;

  private String csv(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p.toString();
  }

  private static List<String> rows(FeatureTables.LongTable t) {
    return t.rows().orderBy("id", "feature").collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getFloat(2))
        .toList();
  }

  @Test
  void wideTableCategoricalColumnsBecomeFeaturesNumericOnesAreListed(SparkSession spark)
      throws IOException {
    String path =
        csv(
            "items.csv",
            "product_id,category,price_band,price",
            "p1,Home,budget,3.29",
            "p2,Fashion,,39.69",
            ",Home,mid,1.0");
    FeatureTables.LongTable t = FeatureTables.read(spark, "--item-features", path);
    assertThat(t.layout()).isEqualTo("wide");
    assertThat(t.featureColumns()).containsExactly("category", "price_band");
    assertThat(t.ignoredColumns()).as("numeric column").containsExactly("price");
    assertThat(rows(t))
        .containsExactly(
            "p1|category=Home|1.0", "p1|price_band=budget|1.0", "p2|category=Fashion|1.0");
    assertThat(t.badRows()).as("the two features of the row without id").isEqualTo(2);
  }

  @Test
  void anAllNumericWideTableIsRefusedWithTheReason(SparkSession spark) throws IOException {
    String path = csv("numbers.csv", "product_id,price,weight", "p1,3.29,0.5", "p2,39.69,1.5");
    assertThatThrownBy(() -> FeatureTables.read(spark, "--item-features", path))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("for --item-features: every column after the id is numeric [price,")
        .hasMessageContaining("long layout id,feature,value");
  }

  @Test
  void longTableWithAndWithoutValues(SparkSession spark) throws IOException {
    String path = csv("u.csv", "id,feature,value", "u1,country=FR,", "u1,vip,2.5", "u2,x,abc");
    FeatureTables.LongTable t = FeatureTables.read(spark, "--user-features", path);
    assertThat(t.layout()).isEqualTo("long");
    assertThat(rows(t)).containsExactly("u1|country=FR|1.0", "u1|vip|2.5");
    assertThat(t.badRows()).as("value that is not a number").isEqualTo(1);
    String two = csv("u2.csv", "ID,Feature", "u3,a");
    assertThat(rows(FeatureTables.read(spark, "--user-features", two))).containsExactly("u3|a|1.0");
  }

  @Test
  void oneColumnTableIsRejectedWithTheLayouts(SparkSession spark) throws IOException {
    String path = csv("one.csv", "id", "u1");
    assertThatThrownBy(() -> FeatureTables.read(spark, "--user-features", path))
        .isInstanceOf(PipelineConfigException.class)
        .hasMessageContaining("--user-features")
        .hasMessageContaining("id,feature[,value]");
  }

  @Test
  void featureSideNormalisesRowsAndGivesIdentityOnlyToTrainedIds() {
    List<Row> rows =
        List.of(
            org.apache.spark.sql.RowFactory.create("a", "c=1", 1f),
            org.apache.spark.sql.RowFactory.create("a", "d=2", 3f),
            org.apache.spark.sql.RowFactory.create("b", "c=1", 1f));
    FeatureSide side =
        FeatureSide.build(
            new String[] {"a", "b", "z"},
            new boolean[] {true, false, true},
            rows,
            java.util.Map.of("a", 0, "b", 1, "z", 2),
            true);
    assertThat(side.names()).containsExactly("c=1", "d=2", "__id__=a", "__id__=z");
    CsrMatrix m = side.matrix();
    assertThat(m.rowSize(0)).isEqualTo(3);
    assertThat(m.vals[0] + m.vals[1] + m.vals[2]).as("row a sums to 1").isEqualTo(1f);
    assertThat(m.vals[1]).as("d=2 has 3 of a's 5 weight units").isEqualTo(0.6f);
    assertThat(m.rowSize(1)).as("b: no interactions, no identity").isEqualTo(1);
    assertThat(m.rowSize(2)).as("z: identity only").isEqualTo(1);
    assertThat(side.rowsWithoutFeatures()).isZero();
  }
}
