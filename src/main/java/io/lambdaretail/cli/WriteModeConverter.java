package io.lambdaretail.cli;

import io.lambdaretail.ingest.IngestOptions.WriteMode;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code overwrite-partitions|append|error-if-exists} to {@link WriteMode}. */
final class WriteModeConverter implements ITypeConverter<WriteMode> {
  @Override
  public WriteMode convert(String value) {
    try {
      return WriteMode.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a mode; use overwrite-partitions, append or error-if-exists");
    }
  }
}
