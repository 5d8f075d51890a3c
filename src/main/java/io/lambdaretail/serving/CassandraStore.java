package io.lambdaretail.serving;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.spark.connector.cql.CassandraConnector;
import io.lambdaretail.spark.CassandraConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
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

  private final String keyspace;
  private final CassandraConnector connector;
  private final Map<String, String> connection;
  private final Retry retry;
  private final InetSocketAddress address;
  private final int maxInFlight;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
  private CqlSession session;

  /** One write of {@link #writeAll}: a CQL statement with bind markers and its values. */
  record Write(String cql, Object... values) {}

  CassandraStore(SparkSession spark, ServingOptions options) {
    this.maxInFlight = options.maxInFlight();
    this.keyspace = options.keyspace();
    this.connection =
        Map.of(
            "spark.cassandra.connection.host", options.host(),
            "spark.cassandra.connection.port", String.valueOf(options.port()),
            // our own back-off handles a node that is down; the connector's default (60 retries
            // per query) would hold a batch for many minutes before we could say so
            "spark.cassandra.query.retry.count", "3");
    SparkConf conf = CassandraConf.of(spark, options.host(), options.port());
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
      for (Write w : writes) {
        if (failure.get() != null) {
          break;
        }
        PreparedStatement statement = prepared.computeIfAbsent(w.cql(), s::prepare);
        slots.acquire();
        s.executeAsync(statement.bind(w.values()))
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
