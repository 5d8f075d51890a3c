package io.lambdaretail.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The product catalogue and the ways to draw from it. Popularity is Zipf-like over a random ranking
 * of all products; within a category a draw first picks a price band (weighted by the band's
 * popularity mass times the shopper's liking for it), then a product of that band by popularity.
 */
final class Catalog {
  /** Zipf exponent of product popularity; above 1 gives a long tail with a strong head. */
  private static final double ZIPF_EXPONENT = 1.1;

  private static final List<String> MODELS =
      List.of("Pro", "Max", "Lite", "Plus", "Air", "One", "Prime", "Neo", "Ultra", "Mini");

  private final Product[] products;
  private final int[][][] members;
  private final float[][][] memberCdf;
  private final double[][] bandMass;
  private final float[] globalCdf;

  private Catalog(Product[] products) {
    this.products = products;
    int categories = Taxonomy.categoryCount();
    int bands = Taxonomy.PRICE_BANDS.size();
    this.members = new int[categories][bands][];
    this.memberCdf = new float[categories][bands][];
    this.bandMass = new double[categories][bands];
    for (int c = 0; c < categories; c++) {
      for (int b = 0; b < bands; b++) {
        index(c, b);
      }
    }
    double[] weights = Arrays.stream(products).mapToDouble(Product::popularity).toArray();
    this.globalCdf = Sampling.cumulative(weights);
  }

  /** Builds {@code count} products from the seed; the same seed always gives the same catalogue. */
  static Catalog build(int count, long seed, Ids ids) {
    SplittableRandom rng = Sampling.random(seed, "catalog", 0, 0);
    int[] rank = shuffledRanks(count, rng);
    double[] shares = Taxonomy.CATEGORIES.stream().mapToDouble(Taxonomy.Category::share).toArray();
    Product[] products = new Product[count];
    for (int i = 0; i < count; i++) {
      // the first products cover every category once, so even a tiny catalogue is complete
      int category =
          i < shares.length ? i : Sampling.pickWeighted(shares, shares.length, rng.nextDouble());
      double popularity = Math.pow(rank[i] + 1.0, -ZIPF_EXPONENT);
      products[i] = product(i, ids.product(i), category, popularity, rng);
    }
    return new Catalog(products);
  }

  int size() {
    return products.length;
  }

  Product product(int index) {
    return products[index];
  }

  /** Popularity mass of a price band within a category (0 when the band is empty). */
  double bandMass(int category, int band) {
    return bandMass[category][band];
  }

  /** A product of the category and band, by popularity; the band must not be empty. */
  int pick(int category, int band, SplittableRandom rng) {
    float[] cdf = memberCdf[category][band];
    return members[category][band][Sampling.pick(cdf, 0, cdf.length, rng.nextDouble())];
  }

  /** Any product, by popularity: how anonymous visitors browse. */
  int pickByPopularity(SplittableRandom rng) {
    return Sampling.pick(globalCdf, 0, globalCdf.length, rng.nextDouble());
  }

  /** Product indexes, most popular first. */
  int[] byPopularity() {
    return Arrays.stream(products)
        .sorted(Comparator.comparingDouble(Product::popularity).reversed())
        .mapToInt(Product::index)
        .toArray();
  }

  private void index(int category, int band) {
    int[] ids =
        Arrays.stream(products)
            .filter(p -> p.category() == category && p.priceBand() == band)
            .mapToInt(Product::index)
            .toArray();
    double[] weights = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      weights[i] = products[ids[i]].popularity();
      bandMass[category][band] += weights[i];
    }
    members[category][band] = ids;
    memberCdf[category][band] = Sampling.cumulative(weights);
  }

  private static int[] shuffledRanks(int count, SplittableRandom rng) {
    int[] rank = new int[count];
    for (int i = 0; i < count; i++) {
      rank[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = rank[i];
      rank[i] = rank[j];
      rank[j] = t;
    }
    return rank;
  }

  private static Product product(
      int index, String id, int category, double popularity, SplittableRandom rng) {
    Taxonomy.Category info = Taxonomy.CATEGORIES.get(category);
    int sub = rng.nextInt(info.subCategories().size());
    Taxonomy.Brand brand = info.brands().get(rng.nextInt(info.brands().size()));
    double price =
        info.medianPrice()
            * brand.tier().priceFactor
            * Sampling.logNormal(rng, 0, info.priceSigma());
    long cents = Money.cents(price) / 10 * 10 - 1; // shelf prices end in 9
    cents = Math.max(99, cents);
    int band = Taxonomy.priceBand(info, cents / 100.0);
    String name =
        brand.name()
            + ' '
            + info.subCategories().get(sub)
            + ' '
            + MODELS.get(rng.nextInt(MODELS.size()))
            + ' '
            + (100 + rng.nextInt(900));
    return new Product(index, id, category, sub, brand.name(), band, cents, name, popularity);
  }
}
