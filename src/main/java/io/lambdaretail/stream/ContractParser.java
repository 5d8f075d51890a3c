package io.lambdaretail.stream;

import io.lambdaretail.ingest.BadRecordException;
import io.lambdaretail.ingest.EventSource;
import io.lambdaretail.ingest.LineParser;
import io.lambdaretail.spark.Schemas;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A known topic ({@code pdpviews}, {@code transactions}, {@code deals}): the same contract, parser
 * and table shape as {@code ingest}, so batch and speed layers agree; keys beyond the contract go
 * to the {@code extra} map rather than new columns.
 */
final class ContractParser implements TopicParser {
  private static final long serialVersionUID = 1L;
  private final LineParser parser;

  ContractParser(EventSource source) {
    this.parser = new LineParser(source);
  }

  @Override
  public StructType dataSchema() {
    return parser.tableSchema();
  }

  @Override
  public String partitionColumn() {
    return Schemas.EVENT_DATE;
  }

  @Override
  public Row parse(String value) throws BadRecordException {
    if (value == null) {
      throw new BadRecordException("record has no value");
    }
    return parser.toTableRow(value);
  }
}
