package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  @Test
  void returnsResultsInSubmissionOrder() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      tasks.add(
          () -> {
            Thread.sleep((20 - n) % 5);
            return n;
          });
    }
    List<Integer> seen = new ArrayList<>();
    List<Integer> results = new TaskRunner(3).runAll(tasks, seen::add);
    assertThat(results).as("results").containsExactlyElementsOf(range(20));
    assertThat(seen).as("progress").containsExactlyElementsOf(range(21).subList(1, 21));
  }

  @Test
  void rethrowsTheFirstFailureAndCancelsTheRest() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    Callable<Integer> slow =
        () -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return 0;
        };
    Callable<Integer> failing =
        () -> {
          throw new UncheckedIOException("while writing x", new IOException("disk full"));
        };

    assertThatThrownBy(() -> new TaskRunner(2).runAll(List.of(slow, failing), n -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("while writing x");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("slow task cancelled").isTrue();
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }
}
