package io.lambdaretail.serving;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.spark.CassandraConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The job's one door to Cassandra: DDL, deletes and the speed layer's writes through one connector
 * session kept for the job's life (prepared statements, asynchronous writes with at most {@code
 * maxInFlight} requests in flight), the topic tables' upserts through the connector's DataFrame
 * writer; each step retried with back-off ({@link Retry}).
 */
final class CassandraStore implements AutoCloseable {
  static final String FORMAT = "org.apache.spark.sql.cassandra";

  /** A step that has not finished by then counts as a failed attempt. */
  static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

  private static final int PROBE_TIMEOUT_MS = 5000;
  private static final String CONCURRENT_WRITES = "spark.cassandra.output.concurrent.writes";

  private final String keyspace;
  private final CassandraConnector connector;
  private final Map<String, String> connection;
  private final Retry retry;
  private final InetSocketAddress address;
  private final int maxInFlight;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
  private CqlSession session;

  /** Statements of one partition sent as one unlogged batch, at most this many. */
  static final int MAX_BATCH = 16;

  /**
   * And at most about this many bytes of values: under Cassandra's default warning threshold for a
   * batch (5 KiB) and far under the size at which it refuses one (50 KiB); a visitor's sessions can
   * list many products.
   */
  static final int MAX_BATCH_BYTES = 4096;

  /**
   * One write of {@link #writeAll}: a CQL statement with bind markers and its values.
   *
   * @param partition the row's partition key, for inserts that may share an unlogged batch with
   *     others of that partition and statement; null to send it alone
   */
  record Write(String cql, Object partition, Object... values) {
    static Write of(String cql, Object... values) {
      return new Write(cql, null, values);
    }

    static Write inPartition(Object partition, String cql, Object... values) {
      return new Write(cql, partition, values);
    }

    /** About the bytes its values take on the wire: strings by length, the rest 8 each. */
    long approximateBytes() {
      long bytes = 0;
      for (Object v : values) {
        bytes +=
            v instanceof java.util.Collection<?> c
                ? c.stream().mapToLong(Write::size).sum()
                : size(v);
      }
      return bytes;
    }

    private static long size(Object value) {
      return value instanceof String s ? s.length() + 4L : 8L;
    }
  }

  CassandraStore(SparkSession spark, ServingOptions options) {
    this.maxInFlight = options.maxInFlight();
    this.keyspace = options.keyspace();
    SparkConf conf = CassandraConf.of(spark, options.host(), options.port());
    Map<String, String> settings = new HashMap<>();
    settings.put("spark.cassandra.connection.host", options.host());
    settings.put("spark.cassandra.connection.port", String.valueOf(options.port()));
    // our own back-off handles a node that is down; the connector's default (60 retries per
    // query) would hold a batch for many minutes before we could say so
    settings.put("spark.cassandra.query.retry.count", "3");
    if (!conf.contains(CONCURRENT_WRITES)) {
      // a topic table's rows are a partition each, so the connector's batches hold one row and
      // its default of 5 in flight per task leaves the node idle between round trips
      settings.put(CONCURRENT_WRITES, String.valueOf(maxInFlight));
    }
    this.connection = Map.copyOf(settings);
    connection.forEach(conf::set);
    this.connector = CassandraConnector.apply(conf);
    this.retry =
        new Retry(options.retries(), options.retryBackoff(), options.host() + ":" + options.port());
    this.address = InetSocketAddress.createUnresolved(options.host(), options.port());
  }

  /**
   * One attempt of a step, failing fast rather than hanging while the node is down: the driver
   * waits without limit for a control connection to come back (schema refresh), so the port is
   * probed first and the step runs on a thread of its own with a deadline ({@link #STEP_TIMEOUT}).
   * A thread still blocked after its deadline finishes or fails on its own; a late upsert rewrites
   * the same rows.
   */
  private Runnable guarded(Runnable action) {
    return () -> {
      probe();
      FutureTask<Void> task = new FutureTask<>(action, null);
      Thread thread = new Thread(task, "cassandra-step");
      thread.setDaemon(true);
      thread.start();
      try {
        task.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } catch (TimeoutException e) {
        thread.interrupt();
        throw new IllegalStateException("no answer within " + STEP_TIMEOUT.toMinutes() + " min");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    };
  }

  private void probe() {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(address.getHostString(), address.getPort()), PROBE_TIMEOUT_MS);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot connect to " + address.getHostString() + ":" + address.getPort(), e);
    }
  }

  String keyspace() {
    return keyspace;
  }

  void execute(String step, String cql) {
    retry.run(step, guarded(() -> session().execute(cql)));
  }

  /**
   * Runs every write, at most {@code maxInFlight} at a time, and returns once all have succeeded;
   * when one fails, the whole step is retried (the writes are upserts and deletes of absolute
   * values, so running them again changes nothing).
   */
  void writeAll(String step, List<Write> writes) {
    if (writes.isEmpty()) {
      return;
    }
    retry.run(step, guarded(() -> writeAllOnce(writes)));
  }

  private void writeAllOnce(List<Write> writes) {
    CqlSession s = session();
    Semaphore slots = new Semaphore(maxInFlight);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      for (Statement<?> statement : statements(s, writes)) {
        if (failure.get() != null) {
          break;
        }
        slots.acquire();
        s.executeAsync(statement)
            .whenComplete(
                (result, error) -> {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  }
                  slots.release();
                });
      }
      slots.acquire(maxInFlight);
      slots.release(maxInFlight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to Cassandra", e);
    }
    Throwable error = failure.get();
    if (error != null) {
      throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
    }
  }

  /** Each group of {@link #batches} as one statement: alone, or an unlogged batch. */
  private List<Statement<?>> statements(CqlSession s, List<Write> writes) {
    List<Statement<?>> out = new ArrayList<>();
    for (List<Write> group : batches(writes)) {
      List<BoundStatement> bound = new ArrayList<>();
      for (Write w : group) {
        bound.add(prepared.computeIfAbsent(w.cql(), s::prepare).bind(w.values()));
      }
      out.add(
          bound.size() == 1
              ? bound.get(0)
              : BatchStatement.newInstance(DefaultBatchType.UNLOGGED).addAll(bound));
    }
    return out;
  }

  /**
   * The writes in groups to send as one statement each: inserts with the same statement and
   * partition together, at most {@link #MAX_BATCH} (one mutation for the node instead of a request
   * each, which is what a drain's many hours of one product or sessions of one visitor cost), every
   * other write alone. Only same-partition batches: they never make one node coordinate for others.
   */
  static List<List<Write>> batches(List<Write> writes) {
    Map<List<Object>, List<Write>> byPartition = new LinkedHashMap<>();
    List<List<Write>> out = new ArrayList<>();
    for (Write w : writes) {
      if (w.partition() == null) {
        out.add(List.of(w));
      } else {
        byPartition
            .computeIfAbsent(Arrays.asList(w.cql(), w.partition()), k -> new ArrayList<>())
            .add(w);
      }
    }
    for (List<Write> group : byPartition.values()) {
      List<Write> batch = new ArrayList<>();
      long bytes = 0;
      for (Write w : group) {
        long size = w.approximateBytes();
        if (!batch.isEmpty() && (batch.size() == MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
          out.add(List.copyOf(batch));
          batch.clear();
          bytes = 0;
        }
        batch.add(w);
        bytes += size;
      }
      out.add(List.copyOf(batch));
    }
    return out;
  }

  /** The job's session, opened on first use and kept; the driver reconnects it by itself. */
  private synchronized CqlSession session() {
    if (session == null || session.isClosed()) {
      session = connector.openSession();
      prepared.clear();
    }
    return session;
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  /** The table's column names, or empty when it does not exist. */
  Set<String> columns(String table) {
    Set<String> out = new LinkedHashSet<>();
    retry.run(
        "reading the schema of " + table,
        guarded(
            () ->
                session()
                    .getMetadata()
                    .getKeyspace(CqlIdentifier.fromInternal(keyspace))
                    .flatMap(k -> k.getTable(CqlIdentifier.fromInternal(table)))
                    .ifPresent(
                        t -> {
                          out.clear();
                          for (ColumnMetadata c : t.getColumns().values()) {
                            out.add(c.getName().asInternal());
                          }
                        })));
    return out;
  }

  /** Upserts every row (its columns name the table's); {@code ttl} null for no expiry. */
  void upsert(Dataset<Row> rows, String table, Duration ttl) {
    retry.run(
        "writing " + keyspace + "." + table,
        guarded(
            () -> {
              var writer =
                  rows.write()
                      .format(FORMAT)
                      .options(connection)
                      .option("keyspace", keyspace)
                      .option("table", table)
                      .mode(SaveMode.Append);
              if (ttl != null) {
                writer =
                    writer.option("spark.cassandra.output.ttl", String.valueOf(ttl.toSeconds()));
              }
              writer.save();
            }));
  }
}
