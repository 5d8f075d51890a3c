package io.lambdaretail.generate;

import java.util.SplittableRandom;

/**
 * Simulates one day of traffic for the users of one event file ({@code user % filesPerDay == file})
 * plus a pool of anonymous browsers, appending page views and orders to two buffers. An active user
 * has 1-3 sessions; a session stays mostly within a category drawn from the user's taste, picks
 * products by popularity and price-band taste, sometimes revisits a product, and ends in an order
 * of some of its viewed products a few times in a hundred views.
 */
final class SessionSimulator {
  /** One anonymous session per four registered ones: 20% of sessions are anonymous. */
  private static final double ANONYMOUS_PER_REGISTERED = 0.25;

  private static final double STAY_IN_CATEGORY = 0.85;
  private static final double REVISIT = 0.15;
  private static final double MEAN_EXTRA_VIEWS = 4;
  private static final int MAX_VIEWS = 40;
  private static final double PURCHASE = 0.15;
  private static final double NO_SESSION_ID = 0.1;
  private static final double DEVICE_SHARE = 0.08;
  private static final String[] DEVICES = {"mobile", "desktop", "tablet"};

  /** Traffic by UTC hour: quiet nights, a lunch bump and an evening peak. */
  private static final float[] HOUR_CDF =
      Sampling.cumulative(
          new double[] {
            2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 9, 11, 10, 8, 8, 8, 9, 11, 13, 14, 13, 9, 5
          });

  private final World world;
  private final int day;
  private final int file;
  private final int filesPerDay;
  private final long dayStart;
  private final SplittableRandom rng;
  private final EventBuffer views;
  private final EventBuffer orders;
  private final int[] viewed = new int[MAX_VIEWS];
  private final double[] bandWeights = new double[Taxonomy.PRICE_BANDS.size()];
  private int sessionCount;
  private int orderCount;

  SessionSimulator(World world, EventFiles.Slot slot, EventBuffer views, EventBuffer orders) {
    this.world = world;
    this.day = slot.day();
    this.file = slot.file();
    this.filesPerDay = slot.filesPerDay();
    this.dayStart = slot.date().toEpochDay() * Timestamps.DAY_MILLIS;
    this.rng = new SplittableRandom(slot.seed());
    this.views = views;
    this.orders = orders;
  }

  /** Runs the whole day for this file. */
  void run() {
    Population population = world.population();
    int registered = 0;
    int users = 0;
    for (int u = file; u < population.size(); u += filesPerDay) {
      users++;
      if (rng.nextDouble() < population.activity(u)) {
        registered += userDay(u);
      }
    }
    int anonymous = Sampling.poisson(rng, registered * ANONYMOUS_PER_REGISTERED);
    long pool = Math.max(1, users / 2);
    for (int i = 0; i < anonymous; i++) {
      // pool members recur across days, like returning visitors who never log in
      long browser = rng.nextLong(pool) * filesPerDay + file;
      browse(new Session(-1, null, world.ids().anonymousBrowser(browser), sessionId(), device()));
    }
  }

  private int userDay(int u) {
    double r = rng.nextDouble();
    int sessions = r < 0.1 ? 3 : r < 0.3 ? 2 : 1;
    String userId = world.ids().user(u);
    for (int i = 0; i < sessions; i++) {
      String browser = world.ids().browser(u, rng.nextInt(world.population().browsers(u)));
      browse(new Session(u, userId, browser, sessionId(), device()));
    }
    return sessions;
  }

  private void browse(Session session) {
    long t = sessionStart();
    int count = Math.min(MAX_VIEWS, 1 + (int) Sampling.exponential(rng, MEAN_EXTRA_VIEWS + 0.5));
    int category = session.anonymous() ? -1 : world.population().pickCategory(session.user(), rng);
    for (int i = 0; i < count; i++) {
      int product;
      if (i > 0 && rng.nextDouble() < REVISIT) {
        product = viewed[rng.nextInt(i)];
      } else if (session.anonymous()) {
        product = world.catalog().pickByPopularity(rng);
      } else {
        if (i > 0 && rng.nextDouble() > STAY_IN_CATEGORY) {
          category = world.population().pickCategory(session.user(), rng);
        }
        product = pickProduct(session.user(), category);
      }
      viewed[i] = product;
      String productId = world.catalog().product(product).id();
      EventJson.view(views.startLine(t), session, productId, t, rng);
      views.endLine();
      t = clamp(t + 5_000 + (long) Sampling.exponential(rng, 45_000));
    }
    if (!session.anonymous() && rng.nextDouble() < PURCHASE) {
      order(session, count, clamp(t + 30_000 + rng.nextInt(270_000)));
    }
  }

  private int pickProduct(int user, int category) {
    Catalog catalog = world.catalog();
    for (int b = 0; b < bandWeights.length; b++) {
      bandWeights[b] = catalog.bandMass(category, b) * world.population().bandTaste(user, b);
    }
    int band = Sampling.pickWeighted(bandWeights, bandWeights.length, rng.nextDouble());
    return catalog.pick(category, band, rng);
  }

  /** Buys 1-3 distinct products among the session's views; revisited ones are likelier. */
  private void order(Session session, int viewCount, long timestamp) {
    double r = rng.nextDouble();
    int wanted = r < 0.1 ? 3 : r < 0.3 ? 2 : 1;
    int[] products = new int[wanted];
    int[] quantities = new int[wanted];
    int size = 0;
    for (int attempt = 0; attempt < 3 * wanted && size < wanted; attempt++) {
      int product = viewed[rng.nextInt(viewCount)];
      if (!contains(products, size, product)) {
        products[size] = product;
        double q = rng.nextDouble();
        quantities[size++] = q < 0.8 ? 1 : q < 0.95 ? 2 : 3;
      }
    }
    String orderId = world.ids().order(day, file, orderCount++);
    Order order = new Order(orderId, timestamp, products, quantities, size);
    EventJson.order(orders.startLine(timestamp), session, order, world.catalog(), rng);
    orders.endLine();
  }

  private static boolean contains(int[] values, int size, int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private long sessionStart() {
    int hour = Sampling.pick(HOUR_CDF, 0, HOUR_CDF.length, rng.nextDouble());
    return dayStart + hour * 3_600_000L + rng.nextInt(3_600_000);
  }

  /** Keeps a session that runs past midnight inside its day's file. */
  private long clamp(long timestamp) {
    return Math.min(timestamp, dayStart + Timestamps.DAY_MILLIS - 1);
  }

  private String sessionId() {
    int n = sessionCount++;
    return rng.nextDouble() < NO_SESSION_ID ? null : world.ids().session(day, file, n);
  }

  private String device() {
    return rng.nextDouble() < DEVICE_SHARE ? DEVICES[rng.nextInt(DEVICES.length)] : null;
  }
}
