package io.lambdaretail.serving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving tables, each laid out for one query a website makes, so that query reads one
 * partition in clustering order and never sorts:
 *
 * <ul>
 *   <li>{@code item_activity_by_hour}: a product's views, purchases, units and revenue hour by
 *       hour, latest first ({@code WHERE product_id = ? LIMIT 24});
 *   <li>{@code sessions_by_user}: a visitor's sessions, latest first ({@code WHERE user_id = ?});
 *       anonymous visitors are keyed by their browser id;
 *   <li>{@code deals_by_category}: the deals of a sub-category, biggest discount first, then
 *       cheapest ({@code WHERE sub_category = ? LIMIT 20});
 *   <li>{@code trending_categories}: per time window, each category's views and sales ({@code WHERE
 *       window_start = ?}; a shop has tens of categories, so the page ranks them itself). Rows
 *       expire after the trend TTL.
 * </ul>
 */
public final class ServingTables {
  public static final String ITEM_ACTIVITY = "item_activity_by_hour";
  public static final String SESSIONS = "sessions_by_user";
  public static final String DEALS = "deals_by_category";
  public static final String TRENDS = "trending_categories";

  public static final String PRODUCT_ID = "product_id";
  public static final String HOUR = "hour";
  public static final String VIEWS = "views";
  public static final String PURCHASES = "purchases";
  public static final String UNITS = "units";
  public static final String REVENUE = "revenue";
  public static final String USER_ID = "user_id";
  public static final String SESSION_START = "session_start";
  public static final String SESSION_END = "session_end";
  public static final String ANONYMOUS = "anonymous";
  public static final String PRODUCTS = "products";
  public static final String STATUS = "status";
  public static final String SUB_CATEGORY = "sub_category";
  public static final String DISCOUNT = "discount_percentage";
  public static final String PRICE = "price";
  public static final String ID = "id";
  public static final String CATEGORY = "category";
  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";

  private static final String TEXT = "text";
  private static final String BIGINT = "bigint";
  private static final String DOUBLE = "double";
  private static final String TIMESTAMP = "timestamp";

  private ServingTables() {}

  public static TableDesign itemActivity() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(PRODUCT_ID, TEXT);
    c.put(HOUR, TIMESTAMP);
    totals(c);
    return new TableDesign(ITEM_ACTIVITY, c, List.of(PRODUCT_ID), Map.of(HOUR, "DESC"));
  }

  public static TableDesign sessions() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(USER_ID, TEXT);
    c.put(SESSION_START, TIMESTAMP);
    c.put(SESSION_END, TIMESTAMP);
    c.put(ANONYMOUS, "boolean");
    c.put(VIEWS, "int");
    c.put(PRODUCTS, "list<text>");
    c.put(STATUS, TEXT);
    return new TableDesign(SESSIONS, c, List.of(USER_ID), Map.of(SESSION_START, "DESC"));
  }

  public static TableDesign deals() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(SUB_CATEGORY, TEXT);
    c.put(DISCOUNT, DOUBLE);
    c.put(PRICE, DOUBLE);
    c.put(ID, TEXT);
    for (String col : DealVersions.OTHER_COLUMNS.keySet()) {
      c.put(col, DealVersions.OTHER_COLUMNS.get(col));
    }
    Map<String, String> clustering = new LinkedHashMap<>();
    clustering.put(DISCOUNT, "DESC");
    clustering.put(PRICE, "ASC");
    clustering.put(ID, "ASC");
    return new TableDesign(DEALS, c, List.of(SUB_CATEGORY), clustering);
  }

  public static TableDesign trends() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(WINDOW_START, TIMESTAMP);
    c.put(CATEGORY, TEXT);
    c.put(WINDOW_END, TIMESTAMP);
    totals(c);
    return new TableDesign(TRENDS, c, List.of(WINDOW_START), Map.of(CATEGORY, "ASC"));
  }

  public static List<TableDesign> all() {
    return List.of(itemActivity(), sessions(), deals(), trends());
  }

  /** {@code CREATE KEYSPACE IF NOT EXISTS}. */
  public static String createKeyspaceCql(String keyspace, Replication replication) {
    return "CREATE KEYSPACE IF NOT EXISTS "
        + Cql.quote(keyspace)
        + " WITH replication = "
        + replication.toCql();
  }

  private static void totals(Map<String, String> c) {
    c.put(VIEWS, BIGINT);
    c.put(PURCHASES, BIGINT);
    c.put(UNITS, BIGINT);
    c.put(REVENUE, DOUBLE);
  }
}
