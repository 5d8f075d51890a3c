package io.lambdaretail.generate;

/** JSON string quoting for free text (titles, names); event ids never need it. */
final class Json {
  private Json() {}

  static StringBuilder string(StringBuilder sb, String value) {
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /**
   * {@code "name":} with a leading comma unless it is the first field, for a builder that holds
   * just the object being written (so the opening brace is its only character before the first
   * field).
   */
  static StringBuilder key(StringBuilder sb, String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    return string(sb, name).append(':');
  }
}
