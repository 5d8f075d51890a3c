package io.lambdaretail.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a deterministic synthetic data set for every pipeline input: page-view and transaction
 * dumps as multi-block {@code .ndjson.xz}, the deals feed, the user and item feature tables and the
 * store sales CSV (layout in {@link OutputLayout}).
 *
 * <p>Algorithm: draw the world (catalogue and users) from the seed, then write every file as an
 * independent task seeded by {@code (seed, data set, day, file)}; users are split over a day's
 * files by {@code user % filesPerDay}. Results therefore do not depend on {@code threads}. Cost is
 * dominated by xz compression (one core per file being written, {@code threads} files at a time);
 * memory is the world (about 70 bytes per user) plus, per thread, two event files held uncompressed
 * and one xz encoder sized by the block size.
 */
public final class GenerateJob {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);

  private final GenerateOptions options;

  public GenerateJob(GenerateOptions options) {
    this.options = options;
  }

  /**
   * Runs the generator.
   *
   * @throws io.lambdaretail.config.PipelineConfigException when {@code out} cannot be written or
   *     already holds generated data and overwrite is off
   * @throws java.io.UncheckedIOException when writing a file fails
   */
  public GenerateResult run() {
    long start = System.nanoTime();
    OutputLayout layout = prepareOutput();
    logStart();
    // the world first, single-threaded: every file task reads it
    World world = World.build(options);
    List<Callable<List<FileStats>>> tasks =
        tasks(world, layout, new EventFiles(world, options, layout));
    List<List<FileStats>> written =
        new TaskRunner(options.threads()).runAll(tasks, progress(tasks.size()));
    Map<String, DatasetStats> datasets = summarize(layout, written);
    datasets.forEach(GenerateJob::log);
    return result(datasets, (System.nanoTime() - start) / 1_000_000);
  }

  /** Applies the overwrite rule, then creates the data set directories. */
  private OutputLayout prepareOutput() {
    OutputLayout layout = new OutputLayout(options.out());
    layout.createRoot();
    if (options.overwrite()) {
      layout.deleteOutputs();
    } else {
      layout.requireNoOutputs();
    }
    layout.createDirectories();
    return layout;
  }

  private GenerateResult result(Map<String, DatasetStats> datasets, long millis) {
    return new GenerateResult(
        options.out(),
        options.seed(),
        options.scale(),
        options.users(),
        options.products(),
        options.days(),
        millis,
        datasets);
  }

  private void logStart() {
    LOG.info(
        "Generating {} data into {}: users={}, products={}, days={} from {}, seed={}, threads={}",
        options.scale(),
        options.out(),
        options.users(),
        options.products(),
        options.days(),
        options.startDate(),
        options.seed(),
        options.threads());
  }

  /** The long single-file tasks go first so they overlap with the event files. */
  private List<Callable<List<FileStats>>> tasks(
      World world, OutputLayout layout, EventFiles events) {
    List<Callable<List<FileStats>>> tasks = new ArrayList<>();
    tasks.add(() -> List.of(new SalesHistory(world, options).write(layout.salesFile())));
    tasks.add(() -> List.of(new DealsGenerator(world, options).write(layout.dealsFile())));
    tasks.add(() -> List.of(FeatureTables.writeUsers(world, layout.usersFile())));
    tasks.add(() -> List.of(FeatureTables.writeItems(world, layout.itemsFile())));
    for (EventFiles.Slot slot : events.slots()) {
      tasks.add(() -> events.write(slot));
    }
    return tasks;
  }

  private static Map<String, DatasetStats> summarize(
      OutputLayout layout, List<List<FileStats>> written) {
    Map<String, List<FileStats>> byDataset = new LinkedHashMap<>();
    for (String name :
        List.of(
            EventKind.PDPVIEWS.dataset(),
            EventKind.TRANSACTIONS.dataset(),
            OutputLayout.DEALS,
            OutputLayout.USERS,
            OutputLayout.ITEMS,
            OutputLayout.SALES)) {
      byDataset.put(name, new ArrayList<>());
    }
    written.stream().flatMap(List::stream).forEach(f -> byDataset.get(f.dataset()).add(f));
    Map<String, DatasetStats> datasets = new LinkedHashMap<>();
    for (EventKind kind : EventKind.values()) {
      datasets.put(
          kind.dataset(), DatasetStats.xz(layout.eventDir(kind), byDataset.get(kind.dataset())));
    }
    datasets.put(OutputLayout.DEALS, plain(layout.dealsFile(), byDataset, OutputLayout.DEALS));
    datasets.put(OutputLayout.USERS, plain(layout.usersFile(), byDataset, OutputLayout.USERS));
    datasets.put(OutputLayout.ITEMS, plain(layout.itemsFile(), byDataset, OutputLayout.ITEMS));
    datasets.put(OutputLayout.SALES, plain(layout.salesFile(), byDataset, OutputLayout.SALES));
    return datasets;
  }

  private static DatasetStats plain(
      Path file, Map<String, List<FileStats>> byDataset, String name) {
    return DatasetStats.plain(file, byDataset.get(name));
  }

  /** Logs about every tenth of the tasks, so a long run shows it is moving. */
  private static IntConsumer progress(int total) {
    int step = Math.max(1, (total + 9) / 10);
    return done -> {
      if (done % step == 0 || done == total) {
        LOG.info("generate: {} of {} file tasks done", done, total);
      }
    };
  }

  private static void log(String name, DatasetStats stats) {
    LOG.info(
        "{}: {} files, {} lines ({} bad), {} bytes uncompressed, {} bytes written{} -> {}",
        name,
        stats.files(),
        stats.lines(),
        stats.badLines(),
        stats.bytesUncompressed(),
        stats.bytesWritten(),
        stats.xzBlocks().isPresent() ? ", " + stats.xzBlocks().getAsLong() + " xz blocks" : "",
        stats.path());
  }
}
