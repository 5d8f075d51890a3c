package io.lambdaretail.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs file-writing tasks on a fixed pool and returns their results in submission order, so the
 * summary never depends on scheduling. The first task to fail cancels the others (interrupting
 * them) and its exception is rethrown as raised when it is a {@code RuntimeException} or {@code
 * Error}.
 */
final class TaskRunner {
  private final int threads;

  TaskRunner(int threads) {
    this.threads = threads;
  }

  /**
   * Runs every task.
   *
   * @param progress called on the calling thread with the number of tasks finished so far
   */
  <T> List<T> runAll(List<Callable<T>> tasks, IntConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      CompletionService<T> completion = new ExecutorCompletionService<>(pool);
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(completion.submit(task));
      }
      for (int done = 1; done <= tasks.size(); done++) {
        await(take(completion));
        progress.accept(done);
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> future : futures) {
        results.add(await(future));
      }
      return Collections.unmodifiableList(results);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Future<T> take(CompletionService<T> completion) {
    try {
      return completion.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("generate was interrupted while writing files", e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("generate was interrupted while writing files", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a generate task failed: " + cause, cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "generate-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
