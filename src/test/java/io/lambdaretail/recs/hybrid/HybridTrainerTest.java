package io.lambdaretail.recs.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdaretail.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import scala.Tuple2;

@ExtendWith(SharedSpark.class)
class HybridTrainerTest {
  private final TasteData data = new TasteData(120, 80, 4, 16, 6, 11);

  private HybridFactors train(SparkSession spark, HybridConfig config, int partitions) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
    data.trainPairs.forEach(p -> pairs.add(new Tuple2<>(p[0], p[1])));
    JavaPairRDD<Integer, Integer> rdd = sc.parallelizePairs(pairs, 3);
    List<Integer> epochs = new ArrayList<>();
    HybridFactors factors =
        HybridTrainer.train(
            sc, rdd, data.userFeatures, data.itemFeatures, config, partitions, epochs::add);
    assertThat(epochs).as("epoch callbacks").hasSize(config.epochs() + 1);
    return factors;
  }

  @Test
  void sameSeedSameModelAnyTaskTiming(SparkSession spark) {
    HybridConfig config = HybridConfig.defaults(Loss.WARP).withComponents(8).withEpochs(3);
    HybridParams a = train(spark, config, 3).params();
    HybridParams b = train(spark, config, 3).params();
    HybridParams other = train(spark, config.withSeed(43), 3).params();
    assertThat(b.users.emb).as("user embeddings, same seed").containsExactly(a.users.emb);
    assertThat(b.items.emb).as("item embeddings, same seed").containsExactly(a.items.emb);
    assertThat(b.items.bias).as("item biases, same seed").containsExactly(a.items.bias);
    assertThat(b.items.embAcc).as("accumulators, same seed").containsExactly(a.items.embAcc);
    assertThat(other.items.emb).as("another seed").isNotEqualTo(a.items.emb);
  }

  @ParameterizedTest
  @EnumSource(Loss.class)
  void everyLossLearnsTasteAndScoresColdItemsByTheirFeatures(Loss loss, SparkSession spark) {
    HybridConfig config = HybridConfig.defaults(loss).withComponents(8).withEpochs(10);
    double before = data.coldAuc(train(spark, config.withEpochs(1), 2));
    double after = data.coldAuc(train(spark, config, 2));
    assertThat(after)
        .as("cold-item AUC of %s after 10 epochs (1 epoch: %s)", loss, before)
        .isGreaterThan(0.8);
  }

  @Test
  void adadeltaTrainsToo(SparkSession spark) {
    HybridConfig config =
        HybridConfig.defaults(Loss.BPR)
            .withComponents(8)
            .withEpochs(10)
            .withSchedule(Schedule.ADADELTA)
            .withAlphas(1e-4f, 1e-4f);
    assertThat(data.coldAuc(train(spark, config, 2))).as("cold AUC, adadelta").isGreaterThan(0.8);
  }
}
