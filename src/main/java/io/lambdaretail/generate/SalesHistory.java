package io.lambdaretail.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The store sales upload, {@code sales.csv}: two years of daily rows ending at the last event day,
 * for the most popular catalogue products in a few stores. A (store, product, day) row appears with
 * probability {@value #ROW_SHARE}; its quantity is Poisson around base level x store effect x
 * product effect x store trend x month of year (December peak, February dip) x weekday, times
 * log-normal noise, which is the structure the sales regression is meant to recover.
 */
final class SalesHistory {
  static final int HISTORY_DAYS = 730;
  private static final double ROW_SHARE = 0.4;
  private static final double BASE_LEVEL = 4.0;
  private static final double[] MONTH = {
    0.9, 0.72, 0.95, 1.0, 1.0, 1.05, 1.05, 1.0, 0.95, 1.0, 1.25, 1.65
  };
  private static final double[] WEEKDAY = {0.85, 0.85, 0.9, 0.95, 1.1, 1.3, 1.05}; // Mon..Sun

  private final World world;
  private final int[] products;
  private final int stores;
  private final LocalDate lastDay;
  private final SplittableRandom rng;

  SalesHistory(World world, GenerateOptions options) {
    this.world = world;
    int count = Math.min(options.scale().salesProducts(), options.products());
    this.products = java.util.Arrays.copyOf(world.catalog().byPopularity(), count);
    this.stores = options.scale().stores();
    this.lastDay = options.endDate();
    this.rng = Sampling.random(options.seed(), "sales", 0, 0);
  }

  FileStats write(Path file) {
    double[] storeLevel = new double[stores];
    double[] storeTrend = new double[stores];
    for (int s = 0; s < stores; s++) {
      storeLevel[s] = Sampling.logNormal(rng, 0, 0.35);
      storeTrend[s] = -0.1 + 0.4 * rng.nextDouble(); // change over the two years
    }
    double[] productLevel = productLevels();
    try (CsvWriter csv =
        new CsvWriter(
            file,
            "product_id",
            "product_name",
            "product_price",
            "store_id",
            "store_name",
            "quantity",
            "date")) {
      LocalDate first = lastDay.minusDays(HISTORY_DAYS - 1L);
      for (int d = 0; d < HISTORY_DAYS; d++) {
        LocalDate date = first.plusDays(d);
        double calendar =
            MONTH[date.getMonthValue() - 1] * WEEKDAY[date.getDayOfWeek().getValue() - 1];
        double progress = d / (double) (HISTORY_DAYS - 1);
        for (int s = 0; s < stores; s++) {
          double level = BASE_LEVEL * storeLevel[s] * (1 + storeTrend[s] * progress) * calendar;
          writeDay(csv, date.toString(), s, level, productLevel);
        }
      }
      return FileStats.plain(OutputLayout.SALES, csv.lines(), csv.bytes());
    }
  }

  private void writeDay(
      CsvWriter csv, String date, int store, double level, double[] productLevel) {
    String storeId = storeId(store);
    String storeName = storeName(store);
    for (int i = 0; i < products.length; i++) {
      if (rng.nextDouble() >= ROW_SHARE) {
        continue;
      }
      double mean = level * productLevel[i] * Sampling.logNormal(rng, 0, 0.2);
      int quantity = Math.max(1, Sampling.poisson(rng, mean));
      Product p = world.catalog().product(products[i]);
      csv.row(p.id(), p.name(), p.price(), storeId, storeName, Integer.toString(quantity), date);
    }
  }

  /** Sales follow web popularity, flattened: a store's shelf is less skewed than a search box. */
  private double[] productLevels() {
    double top = world.catalog().product(products[0]).popularity();
    double[] levels = new double[products.length];
    for (int i = 0; i < products.length; i++) {
      levels[i] = Math.pow(world.catalog().product(products[i]).popularity() / top, 0.35);
    }
    return levels;
  }

  static String storeId(int store) {
    return String.format(java.util.Locale.ROOT, "s%03d", store + 1);
  }

  static String storeName(int store) {
    var places = Demographics.PLACES;
    String name = "Lambda Retail " + places.get(store % places.size()).locality();
    return store < places.size() ? name : name + ' ' + (store / places.size() + 1);
  }
}
