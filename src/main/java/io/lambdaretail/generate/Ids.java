package io.lambdaretail.generate;

/**
 * Identifiers. Users and products get readable, zero-padded ids so the feature CSVs are easy to
 * eyeball; browsers, sessions, orders and deals get opaque 16-hex-digit ids like real trackers
 * emit. Opaque ids are {@link Sampling#mix64} of a unique code, and since that is a bijection they
 * never collide.
 */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long BROWSER = 1L << 60;
  private static final long ANONYMOUS = 2L << 60;
  private static final long SESSION = 3L << 60;
  private static final long ORDER = 4L << 60;
  private static final long DEAL = 5L << 60;

  private final long salt;
  private final int userWidth;
  private final int productWidth;

  Ids(long seed, int users, int products) {
    this.salt = Sampling.mix64(seed);
    this.userWidth = Math.max(7, digits(users));
    this.productWidth = Math.max(6, digits(products));
  }

  String user(int index) {
    return padded('u', index, userWidth);
  }

  String product(int index) {
    return padded('p', index, productWidth);
  }

  /** Browser {@code k} (0 or 1) of a registered user. */
  String browser(int user, int k) {
    return hex(BROWSER | (long) user << 1 | k);
  }

  /** A browser that never logs in. */
  String anonymousBrowser(long index) {
    return hex(ANONYMOUS | index);
  }

  /** The {@code n}th session of one event file; day and file keep codes unique across files. */
  String session(int day, int file, int n) {
    return hex(SESSION | fileCode(day, file, n));
  }

  String order(int day, int file, int n) {
    return hex(ORDER | fileCode(day, file, n));
  }

  String deal(int n) {
    return hex(DEAL | n);
  }

  private static long fileCode(int day, int file, int n) {
    return (long) day << 44 | (long) file << 28 | n;
  }

  private String hex(long code) {
    long v = Sampling.mix64(code ^ salt);
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = HEX[(int) (v & 15)];
      v >>>= 4;
    }
    return new String(out);
  }

  private static String padded(char prefix, int value, int width) {
    String digits = Integer.toString(value);
    StringBuilder sb = new StringBuilder(width + 1).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private static int digits(int value) {
    return Integer.toString(Math.max(0, value - 1)).length();
  }
}
