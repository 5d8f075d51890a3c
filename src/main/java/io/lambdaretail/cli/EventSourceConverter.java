package io.lambdaretail.cli;

import io.lambdaretail.ingest.EventSource;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code pdpviews|transactions|deals} to {@link EventSource}. */
final class EventSourceConverter implements ITypeConverter<EventSource> {
  @Override
  public EventSource convert(String value) {
    for (EventSource s : EventSource.values()) {
      if (s.cliName().equals(value)) {
        return s;
      }
    }
    throw new TypeConversionException(
        "'" + value + "' is not a source; use one of pdpviews, transactions, deals");
  }

  /** The names for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(EventSource.values()).map(EventSource::cliName).iterator();
    }
  }
}
