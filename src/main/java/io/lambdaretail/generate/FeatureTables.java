package io.lambdaretail.generate;

import java.nio.file.Path;

/**
 * The feature tables of the hybrid recommender: {@code users.csv} ({@code
 * user_id,country,age_band}) and {@code items.csv} ({@code
 * product_id,category,sub_category,brand,price_band,price}), written from the same world the events
 * were simulated from.
 */
final class FeatureTables {
  private FeatureTables() {}

  static FileStats writeUsers(World world, Path file) {
    Population population = world.population();
    try (CsvWriter csv = new CsvWriter(file, "user_id", "country", "age_band")) {
      for (int u = 0; u < population.size(); u++) {
        csv.row(
            world.ids().user(u),
            Demographics.COUNTRIES.get(population.country(u)),
            Demographics.AGE_BANDS.get(population.ageBand(u)));
      }
      return FileStats.plain(OutputLayout.USERS, csv.lines(), csv.bytes());
    }
  }

  static FileStats writeItems(World world, Path file) {
    Catalog catalog = world.catalog();
    try (CsvWriter csv =
        new CsvWriter(
            file, "product_id", "category", "sub_category", "brand", "price_band", "price")) {
      for (int i = 0; i < catalog.size(); i++) {
        Product p = catalog.product(i);
        csv.row(
            p.id(), p.categoryName(), p.subCategoryName(), p.brand(), p.priceBandName(), p.price());
      }
      return FileStats.plain(OutputLayout.ITEMS, csv.lines(), csv.bytes());
    }
  }
}
