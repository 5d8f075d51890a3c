package io.lambdaretail.generate;

import java.util.SplittableRandom;

/**
 * The registered users, held in flat arrays so a million of them stay cheap. Each user has a
 * country and age band, latent tastes over categories and price bands (the demographic baseline
 * times individual noise, so features predict behaviour without determining it), a heavy-tailed
 * activity level and one or two browsers.
 */
final class Population {
  /** Mean chance that a user visits on a given day; log-normal across users, so heavy-tailed. */
  private static final double MEAN_ACTIVITY = 0.2;

  private static final double ACTIVITY_SIGMA = 1.0;

  /** Gamma shape of individual taste noise; below 1 concentrates a user on a few categories. */
  private static final double TASTE_SHAPE = 0.7;

  private static final double TWO_BROWSERS = 0.3;

  private final int size;
  private final byte[] country;
  private final byte[] ageBand;
  private final float[] activity;
  private final byte[] browsers;
  private final float[] tasteCdf;
  private final float[] bandTaste;

  private Population(int size) {
    this.size = size;
    this.country = new byte[size];
    this.ageBand = new byte[size];
    this.activity = new float[size];
    this.browsers = new byte[size];
    this.tasteCdf = new float[size * Taxonomy.categoryCount()];
    this.bandTaste = new float[size * Taxonomy.PRICE_BANDS.size()];
  }

  /** Draws every user from its own seed, so user {@code u} is the same whatever the count. */
  static Population build(int size, long seed) {
    Population population = new Population(size);
    for (int u = 0; u < size; u++) {
      population.draw(u, Sampling.random(seed, "user", u, 0));
    }
    return population;
  }

  int size() {
    return size;
  }

  int country(int user) {
    return country[user];
  }

  int ageBand(int user) {
    return ageBand[user];
  }

  /** Probability that the user has at least one session on a given day. */
  double activity(int user) {
    return activity[user];
  }

  int browsers(int user) {
    return browsers[user];
  }

  /** A category drawn from the user's taste. */
  int pickCategory(int user, SplittableRandom rng) {
    int categories = Taxonomy.categoryCount();
    int from = user * categories;
    return Sampling.pick(tasteCdf, from, from + categories, rng.nextDouble());
  }

  /** How much the user likes a price band (relative weight). */
  double bandTaste(int user, int band) {
    return bandTaste[user * Taxonomy.PRICE_BANDS.size() + band];
  }

  private void draw(int u, SplittableRandom rng) {
    int k =
        Sampling.pickWeighted(
            Demographics.COUNTRY_SHARES, Demographics.COUNTRY_SHARES.length, rng.nextDouble());
    int a =
        Sampling.pickWeighted(
            Demographics.AGE_SHARES, Demographics.AGE_SHARES.length, rng.nextDouble());
    country[u] = (byte) k;
    ageBand[u] = (byte) a;
    double mu = Math.log(MEAN_ACTIVITY) - ACTIVITY_SIGMA * ACTIVITY_SIGMA / 2;
    activity[u] = (float) Math.min(0.95, Sampling.logNormal(rng, mu, ACTIVITY_SIGMA));
    browsers[u] = (byte) (rng.nextDouble() < TWO_BROWSERS ? 2 : 1);
    drawTastes(u, k, a, rng);
  }

  private void drawTastes(int u, int k, int a, SplittableRandom rng) {
    int categories = Taxonomy.categoryCount();
    double sum = 0;
    for (int c = 0; c < categories; c++) {
      double share = Taxonomy.CATEGORIES.get(c).share();
      sum += share * Demographics.categoryDemand(a, k, c) * Sampling.gamma(rng, TASTE_SHAPE);
      tasteCdf[u * categories + c] = (float) sum;
    }
    int bands = Taxonomy.PRICE_BANDS.size();
    for (int b = 0; b < bands; b++) {
      double noise = Sampling.gamma(rng, 2.0) / 2.0;
      bandTaste[u * bands + b] = (float) (Demographics.bandDemand(a, b) * noise);
    }
  }
}
