package io.sentimentconsumer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.testing.ProducerFormats;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KPL aggregated records, read against records that protobuf's own encoder built. */
class KplAggregateTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesTheMagicBytes() {
        assertThat(KplAggregate.isAggregated(ProducerFormats.kplAggregate(List.of(utf8("{}"))))).isTrue();
        assertThat(KplAggregate.isAggregated(utf8("{\"content\":\"plain\"}"))).isFalse();
        assertThat(KplAggregate.isAggregated(new byte[] {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2}))
                .as("too short to hold a digest").isFalse();
    }

    @Test
    void returnsEveryUserRecordsDataInOrderSkippingKeysAndTags() {
        List<byte[]> records = List.of(utf8("{\"content\":\"one\"}"), utf8("{\"content\":\"two\"}"), new byte[0],
                utf8("x".repeat(300)));

        List<byte[]> read = KplAggregate.userRecords(ProducerFormats.kplAggregate(records));

        assertThat(read).hasSize(4);
        for (int i = 0; i < records.size(); i++) {
            assertThat(Arrays.equals(read.get(i), records.get(i))).as("record %d", i).isTrue();
        }
    }

    @Test
    void rejectsAnAggregateWhoseDigestDoesNotMatch() {
        byte[] damaged = ProducerFormats.kplAggregateWithBadDigest(List.of(utf8("{\"content\":\"a\"}")));

        assertThatThrownBy(() -> KplAggregate.userRecords(damaged))
                .hasMessage("KPL aggregated record fails its MD5 check");
    }

    @Test
    void rejectsATruncatedBodyEvenWithAMatchingDigest() throws Exception {
        byte[] good = ProducerFormats.kplAggregate(List.of(utf8("{\"content\":\"a long enough post\"}")));
        byte[] body = Arrays.copyOfRange(good, 4, good.length - 16 - 5);
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(body);
        byte[] truncated = new byte[4 + body.length + 16];
        System.arraycopy(good, 0, truncated, 0, 4);
        System.arraycopy(body, 0, truncated, 4, body.length);
        System.arraycopy(digest, 0, truncated, 4 + body.length, 16);

        assertThatThrownBy(() -> KplAggregate.userRecords(truncated)).hasMessage("KPL aggregated record is truncated");
    }
}
