package io.lambdaretail.stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The column types a discovered topic's keys can get, ordered so that a wider kind holds every
 * narrower one: a long fits a double column, anything fits a string column (objects and arrays are
 * kept as their JSON text). A new column takes the widest kind its values show in the batch that
 * creates it, so the choice does not depend on record order.
 */
enum ValueKind {
  BOOLEAN(DataTypes.BooleanType),
  LONG(DataTypes.LongType),
  DOUBLE(DataTypes.DoubleType),
  STRING(DataTypes.StringType);

  private final DataType type;

  ValueKind(DataType type) {
    this.type = type;
  }

  DataType type() {
    return type;
  }

  /** The kind of a JSON value, or null for JSON null (which says nothing about the type). */
  static ValueKind of(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return BOOLEAN;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? LONG : DOUBLE;
    }
    if (v.isNumber()) {
      return DOUBLE;
    }
    return STRING;
  }

  /** The column kind of an existing Delta column, or null when it is not one of ours. */
  static ValueKind ofType(DataType t) {
    for (ValueKind k : values()) {
      if (k.type.equals(t)) {
        return k;
      }
    }
    return null;
  }

  /** The narrowest kind that holds both. */
  static ValueKind widen(ValueKind a, ValueKind b) {
    if (a == null || a == b) {
      return b;
    }
    if (b == null) {
      return a;
    }
    boolean numeric = a != BOOLEAN && a != STRING && b != BOOLEAN && b != STRING;
    return numeric ? DOUBLE : STRING;
  }

  /** Whether a value of kind {@code value} can be stored in a column of this kind. */
  boolean holds(ValueKind value) {
    return this == value || this == STRING || (this == DOUBLE && value == LONG);
  }

  /** The value as stored in a column of this kind. */
  Object convert(JsonNode v) {
    return switch (this) {
      case BOOLEAN -> v.booleanValue();
      case LONG -> v.longValue();
      case DOUBLE -> v.doubleValue();
      case STRING -> v.isTextual() ? v.textValue() : v.toString();
    };
  }
}
