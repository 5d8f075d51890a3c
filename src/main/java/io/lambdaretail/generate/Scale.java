package io.lambdaretail.generate;

/**
 * Size presets for {@code generate}. Explicit {@code --users/--products/--days} override a preset's
 * values. Approximate uncompressed page-view JSON: tiny ~2 MB, small ~70 MB, medium ~1.4 GB, large
 * ~20 GB.
 */
public enum Scale {
  TINY(1_000, 300, 7, 2, 3, 40),
  SMALL(10_000, 5_000, 30, 4, 5, 200),
  MEDIUM(100_000, 20_000, 60, 8, 10, 300),
  LARGE(1_000_000, 100_000, 90, 16, 20, 500);

  private final int users;
  private final int products;
  private final int days;
  private final int filesPerDay;
  private final int stores;
  private final int salesProducts;

  Scale(int users, int products, int days, int filesPerDay, int stores, int salesProducts) {
    this.users = users;
    this.products = products;
    this.days = days;
    this.filesPerDay = filesPerDay;
    this.stores = stores;
    this.salesProducts = salesProducts;
  }

  public int users() {
    return users;
  }

  public int products() {
    return products;
  }

  public int days() {
    return days;
  }

  /** Event files per day and source (pdpviews, transactions). */
  public int filesPerDay() {
    return filesPerDay;
  }

  /** Stores in the sales CSV. */
  public int stores() {
    return stores;
  }

  /** Products that appear in the sales CSV (a subset of the catalogue). */
  public int salesProducts() {
    return salesProducts;
  }
}
