package io.lambdaretail.generate;

import io.lambdaretail.spark.Schemas;
import java.util.SplittableRandom;

/**
 * Appends page-view and order lines as JSON, straight into a builder (no object mapper: this runs
 * for every event). Every value written here is an id, number or fixed word, so nothing needs
 * escaping. Some lines carry keys beyond the contract ({@code referrer}, {@code device}, {@code
 * coupon}) because real trackers do, and the ingest must keep them.
 */
final class EventJson {
  private static final double REFERRER_SHARE = 0.05;
  private static final double COUPON_SHARE = 0.06;
  private static final String[] REFERRERS = {"google", "newsletter", "facebook", "instagram"};
  private static final String[] COUPONS = {"WELCOME10", "SAVE5", "FREESHIP"};

  private EventJson() {}

  /** One page view, without the trailing newline. */
  static void view(
      StringBuilder sb, Session session, String productId, long timestamp, SplittableRandom rng) {
    sb.append('{');
    key(sb, Schemas.BROWSER_ID).append('"').append(session.browserId()).append('"');
    comma(sb, Schemas.USER_ID);
    nullableString(sb, session.userId());
    comma(sb, Schemas.PRODUCT_ID).append('"').append(productId).append('"');
    comma(sb, Schemas.TIMESTAMP);
    Timestamps.appendJson(sb, timestamp, rng);
    if (session.sessionId() != null) {
      comma(sb, Schemas.SESSION_ID).append('"').append(session.sessionId()).append('"');
    }
    if (session.device() != null) {
      comma(sb, "device").append('"').append(session.device()).append('"');
    }
    if (rng.nextDouble() < REFERRER_SHARE) {
      comma(sb, "referrer").append('"').append(REFERRERS[rng.nextInt(REFERRERS.length)]);
      sb.append('"');
    }
    sb.append('}');
  }

  /** One order, without the trailing newline. */
  static void order(
      StringBuilder sb, Session session, Order order, Catalog catalog, SplittableRandom rng) {
    sb.append('{');
    key(sb, Schemas.USER_ID);
    nullableString(sb, session.userId());
    comma(sb, Schemas.BROWSER_ID).append('"').append(session.browserId()).append('"');
    comma(sb, Schemas.ORDER_ID).append('"').append(order.orderId()).append('"');
    comma(sb, Schemas.TIMESTAMP);
    Timestamps.appendJson(sb, order.timestamp(), rng);
    comma(sb, Schemas.ITEMS).append('[');
    for (int i = 0; i < order.size(); i++) {
      Product product = catalog.product(order.products()[i]);
      sb.append(i == 0 ? "{" : ",{");
      key(sb, Schemas.PRODUCT_ID).append('"').append(product.id()).append('"');
      comma(sb, Schemas.QUANTITY).append(order.quantities()[i]);
      comma(sb, Schemas.PRICE);
      Money.append(sb, product.priceCents()).append('}');
    }
    sb.append(']');
    if (rng.nextDouble() < COUPON_SHARE) {
      comma(sb, "coupon").append('"').append(COUPONS[rng.nextInt(COUPONS.length)]).append('"');
    }
    sb.append('}');
  }

  private static StringBuilder key(StringBuilder sb, String name) {
    return sb.append('"').append(name).append("\":");
  }

  private static StringBuilder comma(StringBuilder sb, String name) {
    return key(sb.append(','), name);
  }

  private static void nullableString(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("null");
    } else {
      sb.append('"').append(value).append('"');
    }
  }
}
