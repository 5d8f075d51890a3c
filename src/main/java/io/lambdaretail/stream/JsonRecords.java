package io.lambdaretail.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaretail.ingest.BadRecordException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a discovered topic's record: one JSON object whose keys are valid column names, no two of
 * them equal but for case. Shared by the schema inference and the parser so both reject the same
 * records.
 */
final class JsonRecords {
  // two objects in one value, or trailing garbage, is a malformed record, not a good one
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRecords() {}

  /**
   * The record's keys, lower-cased, to (spelling, value).
   *
   * @throws BadRecordException with the dead-letter reason
   */
  static Map<String, Map.Entry<String, JsonNode>> read(String value) throws BadRecordException {
    if (value == null) {
      throw new BadRecordException("record has no value");
    }
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new BadRecordException("malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRecordException("malformed JSON: expected one object");
    }
    Map<String, Map.Entry<String, JsonNode>> keys = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Optional<String> problem = LakeNames.columnNameProblem(e.getKey());
      if (problem.isPresent()) {
        throw new BadRecordException(problem.get());
      }
      Map.Entry<String, JsonNode> before =
          keys.put(e.getKey().toLowerCase(Locale.ROOT), Map.entry(e.getKey(), e.getValue()));
      if (before != null) {
        throw new BadRecordException(
            "keys '" + before.getKey() + "' and '" + e.getKey() + "' differ only in case");
      }
    }
    return keys;
  }
}
