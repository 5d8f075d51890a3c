package io.lambdaretail.generate;

/** Prices are kept in cents and printed with two decimals, without going through a formatter. */
final class Money {
  private Money() {}

  static long cents(double amount) {
    return Math.max(1, Math.round(amount * 100));
  }

  static String format(long cents) {
    return append(new StringBuilder(12), cents).toString();
  }

  static StringBuilder append(StringBuilder sb, long cents) {
    sb.append(cents / 100).append('.');
    long rest = cents % 100;
    if (rest < 10) {
      sb.append('0');
    }
    return sb.append(rest);
  }
}
