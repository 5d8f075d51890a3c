package io.lambdaretail.generate;

import java.util.List;

/**
 * Who the shoppers are and what that says about their tastes: countries and age bands with their
 * population shares, and the multipliers that make a user's category and price-band preferences
 * depend on them. These are what lets a hybrid recommender learn from user features.
 */
final class Demographics {
  static final List<String> COUNTRIES =
      List.of("US", "BR", "GB", "DE", "FR", "ES", "MX", "IT", "CA", "AR");
  static final double[] COUNTRY_SHARES = {30, 15, 10, 10, 8, 7, 7, 5, 5, 3};

  static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
  static final double[] AGE_SHARES = {15, 28, 24, 16, 11, 6};

  /**
   * Category demand by age band, columns in {@link Taxonomy#CATEGORIES} order: Electronics, Home,
   * Fashion, Beauty, Sports, Toys, Books, Grocery, Garden, Automotive, Health, Gaming. The
   * contrasts are strong on purpose so that age band visibly predicts behaviour.
   */
  private static final double[][] CATEGORY_BY_AGE = {
    {1.5, 0.4, 2.0, 1.6, 1.4, 0.3, 0.8, 0.8, 0.1, 0.5, 0.4, 3.0},
    {1.4, 1.0, 1.5, 1.3, 1.2, 0.9, 0.8, 1.0, 0.4, 0.8, 0.6, 1.5},
    {1.1, 1.5, 1.0, 1.0, 1.0, 1.8, 0.9, 1.2, 0.9, 1.0, 0.9, 0.7},
    {1.0, 1.6, 0.9, 0.9, 0.8, 1.0, 1.1, 1.2, 1.5, 1.3, 1.2, 0.4},
    {0.8, 1.7, 0.7, 0.8, 0.6, 0.8, 1.5, 1.1, 2.2, 1.2, 1.8, 0.2},
    {0.6, 1.6, 0.6, 0.7, 0.4, 1.1, 2.0, 1.1, 2.5, 0.8, 2.6, 0.1}
  };

  /** Milder country effects, same column order, one row per entry of {@link #COUNTRIES}. */
  private static final double[][] CATEGORY_BY_COUNTRY = {
    {1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 1.1, 1.5, 1.0, 1.2},
    {1.0, 0.9, 1.2, 1.3, 1.6, 1.0, 0.7, 1.0, 0.8, 0.9, 0.9, 1.1},
    {1.0, 1.1, 1.0, 1.0, 0.9, 1.0, 1.5, 1.0, 1.3, 0.8, 1.0, 1.0},
    {1.1, 1.1, 0.9, 0.9, 1.0, 1.0, 1.1, 0.9, 1.4, 1.5, 1.0, 0.9},
    {0.9, 1.1, 1.3, 1.6, 0.9, 1.0, 1.2, 1.3, 1.0, 0.8, 1.0, 0.8},
    {0.9, 1.0, 1.4, 1.1, 1.1, 1.0, 1.0, 1.2, 0.9, 0.9, 1.0, 1.0},
    {1.0, 1.0, 1.1, 1.1, 1.2, 1.4, 0.8, 1.1, 0.8, 1.0, 1.0, 1.1},
    {0.9, 1.1, 1.6, 1.2, 1.0, 1.0, 1.0, 1.4, 1.0, 0.9, 1.0, 0.8},
    {1.0, 1.0, 0.9, 0.9, 1.3, 1.0, 1.1, 0.9, 1.3, 1.1, 1.0, 1.1},
    {0.9, 1.0, 1.0, 1.0, 1.6, 1.1, 1.0, 1.0, 0.9, 1.0, 1.0, 1.0}
  };

  /** Price-band demand by age band (budget, mid, premium, luxury). */
  private static final double[][] BAND_BY_AGE = {
    {2.2, 1.2, 0.5, 0.2},
    {1.4, 1.3, 0.9, 0.5},
    {0.9, 1.2, 1.2, 0.8},
    {0.8, 1.1, 1.3, 1.1},
    {0.9, 1.1, 1.2, 0.9},
    {1.3, 1.2, 0.8, 0.5}
  };

  /** A place where merchants and stores sit. */
  record Place(String locality, String region, String country) {}

  static final List<Place> PLACES =
      List.of(
          new Place("New York", "NY", "US"),
          new Place("Austin", "TX", "US"),
          new Place("Chicago", "IL", "US"),
          new Place("Sao Paulo", "SP", "BR"),
          new Place("Rio de Janeiro", "RJ", "BR"),
          new Place("London", "England", "GB"),
          new Place("Manchester", "England", "GB"),
          new Place("Berlin", "Berlin", "DE"),
          new Place("Munich", "Bavaria", "DE"),
          new Place("Paris", "Ile-de-France", "FR"),
          new Place("Lyon", "Auvergne-Rhone-Alpes", "FR"),
          new Place("Madrid", "Madrid", "ES"),
          new Place("Barcelona", "Catalonia", "ES"),
          new Place("Mexico City", "CDMX", "MX"),
          new Place("Milan", "Lombardy", "IT"),
          new Place("Toronto", "Ontario", "CA"),
          new Place("Buenos Aires", "Buenos Aires", "AR"));

  private Demographics() {}

  static double categoryDemand(int ageBand, int country, int category) {
    return CATEGORY_BY_AGE[ageBand][category] * CATEGORY_BY_COUNTRY[country][category];
  }

  static double bandDemand(int ageBand, int band) {
    return BAND_BY_AGE[ageBand][band];
  }
}
