package io.lambdaretail.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deals feed ({@code deals/deals.ndjson}, fields of {@code Schemas.DEALS}): discounts on
 * catalogue products, so categories and titles share the catalogue's vocabulary, offered by a pool
 * of merchants in the known places. Deals are created from a month before the first event day to
 * the last one; {@value #BASE_DEALS} plus {@value #DEALS_PER_PRODUCT} per product.
 */
final class DealsGenerator {
  private static final int BASE_DEALS = 2000;
  private static final int DEALS_PER_PRODUCT = 2;
  private static final int LEAD_DAYS = 30;
  private static final List<String> PROVIDERS =
      List.of("DealHub", "BargainBay", "CouponCrew", "FlashDeals", "SaveSquad");
  private static final List<String> ADJECTIVES =
      List.of("Golden", "Urban", "Green", "Royal", "Sunny", "Silver", "Happy", "Prime", "Metro");
  private static final List<String> NOUNS =
      List.of("Corner", "Market", "Depot", "House", "Hub", "Outlet", "Bazaar", "Emporium");

  private final World world;
  private final GenerateOptions options;
  private final SplittableRandom rng;
  private final StringBuilder line = new StringBuilder(512);

  DealsGenerator(World world, GenerateOptions options) {
    this.world = world;
    this.options = options;
    this.rng = Sampling.random(options.seed(), "deals", 0, 0);
  }

  static int dealCount(int products) {
    return BASE_DEALS + DEALS_PER_PRODUCT * products;
  }

  FileStats write(Path file) {
    int count = dealCount(options.products());
    int merchants = Math.max(50, count / 20);
    long bytes = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        deal(i, rng.nextInt(merchants));
        out.append(line).append('\n');
        bytes += CsvWriter.utf8Length(line) + 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while writing " + file, e);
    }
    return FileStats.plain(OutputLayout.DEALS, count, bytes);
  }

  private void deal(int n, int merchant) {
    Product product = world.catalog().product(world.catalog().pickByPopularity(rng));
    int discount = rng.nextDouble() < 0.03 ? 0 : 5 * (1 + rng.nextInt(18));
    long price = Math.max(1, product.priceCents() * (100 - discount) / 100);
    String title = discount == 0 ? product.name() : discount + "% off " + product.name();
    line.setLength(0);
    line.append('{');
    Json.string(Json.key(line, "id"), world.ids().deal(n));
    Json.string(Json.key(line, "category"), product.categoryName());
    Json.string(Json.key(line, "sub_category"), product.subCategoryName());
    Json.string(Json.key(line, "title"), title);
    Money.append(Json.key(line, "price"), price);
    Json.key(line, "discount_percentage").append(discount).append(".0");
    Json.key(line, "number_sold").append((long) Sampling.logNormal(rng, 3, 1.2));
    Json.string(Json.key(line, "provider_name"), PROVIDERS.get(rng.nextInt(PROVIDERS.size())));
    merchant(merchant);
    Json.key(line, "online").append(rng.nextDouble() < 0.3);
    timestamps();
    line.append('}');
  }

  /** Merchant fields are a function of the merchant number, so repeat merchants agree. */
  private void merchant(int m) {
    SplittableRandom r = Sampling.random(options.seed(), "merchant", m, 0);
    Demographics.Place place = Demographics.PLACES.get(r.nextInt(Demographics.PLACES.size()));
    String name =
        ADJECTIVES.get(r.nextInt(ADJECTIVES.size())) + ' ' + NOUNS.get(r.nextInt(NOUNS.size()));
    Json.string(Json.key(line, "merchant_id"), String.format(java.util.Locale.ROOT, "m%05d", m));
    Json.string(Json.key(line, "merchant_name"), name + " " + place.locality());
    Json.string(Json.key(line, "merchant_locality"), place.locality());
    Json.string(Json.key(line, "merchant_region"), place.region());
    Json.string(Json.key(line, "merchant_country"), place.country());
  }

  private void timestamps() {
    long windowStart =
        options.startDate().minusDays(LEAD_DAYS).toEpochDay() * Timestamps.DAY_MILLIS;
    long window = (options.days() + LEAD_DAYS) * Timestamps.DAY_MILLIS;
    long created = windowStart + rng.nextLong(window);
    long updated = created + (long) Sampling.exponential(rng, 2 * Timestamps.DAY_MILLIS);
    long expires = created + (3 + rng.nextInt(58)) * Timestamps.DAY_MILLIS;
    Json.string(Json.key(line, "expires_at"), Timestamps.iso(expires));
    Json.string(Json.key(line, "created_at"), Timestamps.iso(created));
    Json.string(Json.key(line, "updated_at"), Timestamps.iso(updated));
  }
}
