package io.lambdaretail.produce;

import io.lambdaretail.generate.Scale;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code produce} sends. Exactly one of {@code input} and {@code generate} (> 0) is set.
 *
 * @param rate records per second, 0 for as fast as the broker takes them
 * @param transactions with {@code generate}: orders instead of page views
 * @param kafkaOptions producer settings (security, tuning) passed through unchanged
 */
public record ProduceOptions(
    String bootstrap,
    String topic,
    Path input,
    long generate,
    boolean transactions,
    Scale scale,
    long seed,
    double rate,
    Map<String, String> kafkaOptions) {}
