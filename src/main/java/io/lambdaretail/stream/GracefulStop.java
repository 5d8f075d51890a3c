package io.lambdaretail.stream;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * On SIGTERM, lets each query's running micro-batch finish before it stops. Registered with Spark's
 * shutdown hook manager at a priority above the SparkContext's (50), so it runs before Spark tears
 * the context down; a plain JVM hook would race with that. Exactly-once does not depend on it: a
 * batch cut short is replayed from the checkpoint on the next start.
 */
final class GracefulStop {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
  private static final int PRIORITY = 60;
  private static final long WAIT_SECONDS = 25; // Hadoop gives all shutdown hooks 30 s

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean requested;
  private Object hook;

  void install(List<StreamingQuery> queries) {
    hook =
        ShutdownHookManager.addShutdownHook(
            PRIORITY,
            new AbstractFunction0<BoxedUnit>() {
              @Override
              public BoxedUnit apply() {
                onSignal(queries);
                return BoxedUnit.UNIT;
              }
            });
  }

  boolean requested() {
    return requested;
  }

  /** Called by the job once the query has ended, so the hook can let the JVM go. */
  void done() {
    stopped.countDown();
    if (hook != null && !requested) {
      ShutdownHookManager.removeShutdownHook(hook);
    }
  }

  private void onSignal(List<StreamingQuery> queries) {
    requested = true;
    LOG.info("stop requested: finishing the current micro-batches");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      for (StreamingQuery query : queries) {
        while (query.isActive()
            && query.status().isTriggerActive()
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        query.stop();
      }
      stopped.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("query did not stop in time; the checkpoint replays the batch on restart");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
