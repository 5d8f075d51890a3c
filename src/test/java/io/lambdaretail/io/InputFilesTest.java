package io.lambdaretail.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputFilesTest {
  private static String asUtf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aHeaderInLatin1IsTextAndAJpegIsBinary() {
    String latin1 = asUtf8("date,store_id,prénom,quantity".getBytes(StandardCharsets.ISO_8859_1));
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    byte[] noise = {(byte) 0xC3, (byte) 0xFF, (byte) 0xFE, 'a', (byte) 0xFA, (byte) 0xFB};

    assertThat(InputFiles.isBinary(latin1)).as("one accent in Latin-1").isFalse();
    assertThat(InputFiles.isBinary("user_id,item_id,weight\r")).as("CRLF header").isFalse();
    assertThat(InputFiles.isBinary(asUtf8(jpeg))).as("NUL and control bytes").isTrue();
    assertThat(InputFiles.isBinary(asUtf8(noise))).as("mostly not UTF-8").isTrue();
  }
}
