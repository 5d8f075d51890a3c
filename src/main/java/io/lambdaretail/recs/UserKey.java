package io.lambdaretail.recs;

import io.lambdaretail.config.Errors;
import io.lambdaretail.spark.Schemas;
import java.util.Locale;

/**
 * Which event column identifies a user: the account ({@code user_id}; anonymous events are left out
 * and counted) or the browser ({@code browser_id}, as the original job delivered its lists).
 */
public enum UserKey {
  USER_ID(Schemas.USER_ID),
  BROWSER_ID(Schemas.BROWSER_ID);

  private final String column;

  UserKey(String column) {
    this.column = column;
  }

  /** The event column, also the key of the {@code .ndjson.xz} recommendations. */
  public String column() {
    return column;
  }

  public static UserKey parse(String value) {
    String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (UserKey k : values()) {
      if (k.column.equals(key)) {
        return k;
      }
    }
    throw Errors.invalid("--user-key", value, "use user_id or browser_id.");
  }
}
