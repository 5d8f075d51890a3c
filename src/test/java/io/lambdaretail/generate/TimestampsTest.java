package io.lambdaretail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final long INSTANT = Instant.parse("2024-01-03T23:15:30.045Z").toEpochMilli();

  @Test
  void formatsUtcWithMillis() {
    assertThat(Timestamps.iso(INSTANT)).as("utc").isEqualTo("2024-01-03T23:15:30.045Z");
  }

  @Test
  void offsetsNameTheSameInstantAcrossMidnight() {
    String plusTwo = Timestamps.appendIso(new StringBuilder(), INSTANT, 120).toString();
    String minusFive = Timestamps.appendIso(new StringBuilder(), INSTANT, -300).toString();
    String plusFiveThirty = Timestamps.appendIso(new StringBuilder(), INSTANT, 330).toString();
    assertThat(plusTwo).as("+02:00").isEqualTo("2024-01-04T01:15:30.045+02:00");
    assertThat(minusFive).as("-05:00").isEqualTo("2024-01-03T18:15:30.045-05:00");
    assertThat(plusFiveThirty).as("+05:30").isEqualTo("2024-01-04T04:45:30.045+05:30");
    for (String text : new String[] {plusTwo, minusFive, plusFiveThirty}) {
      assertThat(OffsetDateTime.parse(text).toInstant().toEpochMilli())
          .as("instant of %s", text)
          .isEqualTo(INSTANT);
    }
  }

  @Test
  void mixesTheThreeStyles() {
    SplittableRandom rng = new SplittableRandom(5);
    int epoch = 0;
    int offset = 0;
    int utc = 0;
    for (int i = 0; i < 10_000; i++) {
      StringBuilder sb = new StringBuilder();
      Timestamps.appendJson(sb, INSTANT, rng);
      String text = sb.toString();
      if (!text.startsWith("\"")) {
        assertThat(Long.parseLong(text)).as("epoch millis").isEqualTo(INSTANT);
        epoch++;
      } else if (text.endsWith("Z\"")) {
        utc++;
      } else {
        offset++;
      }
    }
    assertThat(epoch).as("epoch millis share").isBetween(800, 1200);
    assertThat(offset).as("offset share").isBetween(300, 700);
    assertThat(utc).as("utc share").isGreaterThan(8000);
  }
}
