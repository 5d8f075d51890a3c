package io.lambdaretail.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses sizes such as {@code 1048576}, {@code 64K}, {@code 8M}, {@code 1G}; {@code auto} is 0. */
public final class ByteSizeConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT).replaceFirst("(?<=[KMG])I?B$", "");
    if (v.equals("AUTO")) {
      return 0L;
    }
    long unit = 1;
    char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
    int shift = "KMG".indexOf(last);
    if (shift >= 0) {
      unit = 1L << (10 * (shift + 1));
      v = v.substring(0, v.length() - 1);
    }
    try {
      return Math.multiplyExact(Long.parseLong(v), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a size; use bytes or a K/M/G suffix, e.g. 1M, or 'auto'");
    }
  }
}
