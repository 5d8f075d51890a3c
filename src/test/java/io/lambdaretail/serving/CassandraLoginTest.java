package io.lambdaretail.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.metadata.DefaultEndPoint;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A refused login fails the step at once with its own message; other failures are retried. */
class CassandraLoginTest {
  private static final AuthenticationException REFUSED =
      new AuthenticationException(
          new DefaultEndPoint(new InetSocketAddress("127.0.0.1", 9142)),
          "server replied with 'Provided username u and/or password are incorrect'");

  @Test
  void aRefusedLoginIsNotRetried() {
    List<Duration> waits = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retry retry = new Retry(5, Duration.ofSeconds(2), "db:9142", waits::add);

    Runnable refused =
        () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("wrapped", REFUSED);
        };

    assertThatThrownBy(() -> retry.run("creating keyspace k", refused))
        .isInstanceOf(CassandraLoginException.class)
        .hasMessageStartingWith(
            "Cassandra at db:9142 refused the login while creating keyspace k: Authentication"
                + " error on node /127.0.0.1:9142")
        .hasMessageContaining("password are incorrect")
        .hasMessageContaining("LR_CASSANDRA_PASSWORD");
    assertThat(calls).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aLoginRefusedByEveryContactPointIsFoundInsideTheDriversSummary() {
    AllNodesFailedException all =
        AllNodesFailedException.fromErrors(List.of(Map.entry(node(), (Throwable) REFUSED)));

    assertThat(CassandraLoginException.loginFailure(new RuntimeException(all)))
        .hasValueSatisfying(m -> assertThat(m).contains("password are incorrect"));
    assertThat(CassandraLoginException.loginFailure(new RuntimeException("connection refused")))
        .isEmpty();
  }

  /** A bare node for the driver's error summary (a real one needs a running driver context). */
  private static Node node() {
    return (Node)
        Proxy.newProxyInstance(
            Node.class.getClassLoader(),
            new Class<?>[] {Node.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> 1;
                  case "equals" -> proxy == args[0];
                  default -> "node1";
                });
  }
}
