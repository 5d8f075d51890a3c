package io.lambdaretail.recs;

import static io.lambdaretail.recs.Interactions.BOUGHT;
import static io.lambdaretail.recs.Interactions.ITEM_ID;
import static io.lambdaretail.recs.Interactions.USER_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.lambdaretail.config.Errors;
import io.lambdaretail.io.SafeOutput;
import io.lambdaretail.recs.RecommendOptions.Exclude;
import io.lambdaretail.recs.RecommendOptions.Format;
import io.lambdaretail.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Top-N per user from any saved recommender ({@link RecommenderModels} dispatches on the model
 * directory's kind): the model's users (or {@code --users}), their bought (or seen) items excluded,
 * the popularity list for users the model does not know; written as {@code .ndjson.xz} or Parquet
 * and/or to Cassandra. Cost: one pass over the users with block matrix products against the
 * broadcast item vectors ({@link TopN}); the lists are cached once and written by each sink.
 */
public final class RecommendJob {
  private final SparkSession spark;
  private final RecommendOptions options;

  public RecommendJob(SparkSession spark, RecommendOptions options) {
    this.spark = spark;
    this.options = options;
  }

  public RecommendResult run() {
    long started = System.currentTimeMillis();
    SparkSessions.useFewShufflePartitions(spark);
    spark
        .sparkContext()
        .setJobDescription("recommend (k=" + options.k() + ") from " + options.model());
    RecommenderModel model = RecommenderModels.load(spark, options.model());
    Dataset<Row> users = users(model);
    Dataset<Row> recs =
        TopN.recommend(
                model.scorer(), model.popularity(), withExclusions(users, model), options.k())
            .cache();
    try {
      Row c =
          recs.agg(
                  sum(lit(1L)),
                  sum(not(col(TopN.KNOWN)).cast("long")),
                  sum(size(col(TopN.ITEMS)).cast("long")))
              .first();
      long total = c.isNullAt(0) ? 0 : c.getLong(0);
      long unknown = c.isNullAt(1) ? 0 : c.getLong(1);
      if (options.users() != null && total > 0 && unknown == total) {
        throw Errors.noKnownUsers("--users", options.users(), total);
      }
      write(recs, model);
      return new RecommendResult(
          options,
          model.kind(),
          model.version(),
          total,
          unknown,
          c.isNullAt(2) ? 0 : c.getLong(2),
          System.currentTimeMillis() - started);
    } finally {
      recs.unpersist();
    }
  }

  private Dataset<Row> users(RecommenderModel model) {
    if (options.users() == null) {
      return model.users();
    }
    return UserList.read(spark, options.users());
  }

  private Dataset<Row> withExclusions(Dataset<Row> users, RecommenderModel model) {
    if (options.exclude() == Exclude.NONE) {
      return users.withColumn(RankingEvaluator.EXCLUDE, lit(null).cast("array<string>"));
    }
    Dataset<Row> pairs = model.interactions();
    if (options.exclude() == Exclude.BOUGHT) {
      pairs = pairs.filter(col(BOUGHT));
    }
    Dataset<Row> exclude =
        pairs.groupBy(USER_ID).agg(collect_list(col(ITEM_ID)).as(RankingEvaluator.EXCLUDE));
    return users.join(exclude, Joins.on(USER_ID), "left");
  }

  private void write(Dataset<Row> recs, RecommenderModel model) {
    if (options.out() != null) {
      SafeOutput.replace(
          spark.sparkContext().hadoopConfiguration(),
          options.out(),
          RecommendationWriters.KIND,
          "recommend",
          dir -> {
            if (options.format() == Format.PARQUET) {
              RecommendationWriters.parquet(recs, model.version(), dir);
            } else {
              RecommendationWriters.ndjsonXz(recs, model.userKey(), dir);
            }
          });
    }
    if (options.cassandra() != null) {
      CassandraRecsWriter.write(recs, model.version(), options.cassandra());
    }
  }
}
