package io.lambdaretail.recs.hybrid;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Trains the hybrid model on Spark by parameter averaging. Interactions are hash-partitioned by
 * user and cached. Each epoch broadcasts the parameters; every task copies them, runs one pass of
 * asynchronous (Hogwild-style, single-threaded per task) SGD over its interactions and emits the
 * rows it changed as {@link DeltaBlock}s; a shuffle groups the blocks by feature row range and
 * averages them per row ({@link DeltaBlock#average}); the driver adds the averages to its copy.
 *
 * <p>Cost per epoch: one pass over the interactions (k * (nnz(user row) + nnz(item row)) flops per
 * scored item, up to max-sampled negatives for WARP), one broadcast of all parameters (4 bytes x (k
 * + 1) x 2-3 arrays x features) and one shuffle of the touched rows. The broadcast bounds the model
 * to what a driver and every executor hold in memory: fine up to a few hundred thousand features x
 * 64 components (~150 MB with Adagrad's accumulators); beyond that, shard item parameters by row
 * block and join them to the interactions instead of broadcasting.
 *
 * <p>Deterministic for a seed and a partition count on any master: the partition layout is sorted,
 * every (epoch, partition) draws from its own seeded generator and sums run in partition order.
 */
public final class HybridTrainer {
  private HybridTrainer() {}

  /**
   * Trains from scratch.
   *
   * @param interactions (user row, item row) pairs, rows of the feature matrices; duplicates count
   *     once
   * @param partitions number of training tasks
   * @param afterEpoch called with 0 once the partitions are built and cached, then with the 1-based
   *     epoch number after each epoch (timings, logging)
   */
  public static HybridFactors train(
      JavaSparkContext sc,
      JavaPairRDD<Integer, Integer> interactions,
      CsrMatrix userFeatures,
      CsrMatrix itemFeatures,
      HybridConfig config,
      int partitions,
      IntConsumer afterEpoch) {
    JavaRDD<PartitionData> data =
        interactions
            .partitionBy(new HashPartitioner(partitions))
            .mapPartitions(it -> List.of(PartitionData.build(it)).iterator(), true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    int[] candidates = itemsWithInteractions(interactions, itemFeatures.numRows());
    if (candidates.length < 2) {
      throw new IllegalArgumentException("training needs interactions with at least 2 items");
    }
    Broadcast<TrainingInputs> inputs =
        sc.broadcast(new TrainingInputs(userFeatures, itemFeatures, candidates));
    HybridParams params =
        HybridParams.initial(userFeatures.numCols(), itemFeatures.numCols(), config);
    try {
      sc.setJobDescription("train-hybrid: partitioning " + partitions + " ways");
      data.count();
      afterEpoch.accept(0);
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        runEpoch(sc, data, inputs, params, config, epoch, partitions);
        afterEpoch.accept(epoch + 1);
      }
    } finally {
      data.unpersist(false);
      inputs.destroy();
    }
    return new HybridFactors(params, userFeatures, itemFeatures);
  }

  private static int[] itemsWithInteractions(JavaPairRDD<Integer, Integer> pairs, int numItems) {
    boolean[] seen = new boolean[numItems];
    pairs.values().distinct().collect().forEach(i -> seen[i] = true);
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < numItems; i++) {
      if (seen[i]) {
        items.add(i);
      }
    }
    return items.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void runEpoch(
      JavaSparkContext sc,
      JavaRDD<PartitionData> data,
      Broadcast<TrainingInputs> inputs,
      HybridParams params,
      HybridConfig config,
      int epoch,
      int partitions) {
    Broadcast<HybridParams> current = sc.broadcast(params);
    sc.setJobDescription("train-hybrid: epoch " + (epoch + 1) + "/" + config.epochs());
    List<DeltaBlock> merged =
        data.mapPartitionsWithIndex(
                (index, it) -> trainPartition(index, it, current, inputs, config, epoch), true)
            .mapToPair(d -> new Tuple2<>(d.key(), d))
            .groupByKey(partitions)
            .map(group -> DeltaBlock.average(group._2(), config.components()))
            .collect();
    current.destroy();
    merged.forEach(d -> d.applyTo(params));
  }

  private static Iterator<DeltaBlock> trainPartition(
      int index,
      Iterator<PartitionData> it,
      Broadcast<HybridParams> current,
      Broadcast<TrainingInputs> inputs,
      HybridConfig config,
      int epoch) {
    if (!it.hasNext()) {
      return List.<DeltaBlock>of().iterator();
    }
    PartitionData part = it.next();
    // the broadcast value is shared by the tasks of an executor: train on a private copy
    HybridParams before = current.value();
    HybridParams local = before.copy();
    SgdStep step = new SgdStep(local, config);
    long seed = PartitionTrainer.seed(config.seed(), epoch, index);
    new PartitionTrainer(part, inputs.value(), config, local, step, seed).runEpoch();
    return DeltaBlock.extract(index, before, local, step.touched).iterator();
  }
}
