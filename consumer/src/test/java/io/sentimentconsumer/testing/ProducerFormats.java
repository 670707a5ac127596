package io.sentimentconsumer.testing;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Record data the way real producers write it, built with independent encoders: protobuf's own
 * {@link CodedOutputStream} for KPL aggregation (magic, {@code AggregatedRecord}, MD5), the JDK's gzip.
 */
public final class ProducerFormats {

    private static final byte[] KPL_MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    private ProducerFormats() {}

    /**
     * A KPL aggregated record of the given user records, with a partition key table, an explicit hash key table
     * and a tag on the first record, as the KPL writes them.
     */
    public static byte[] kplAggregate(List<byte[]> userRecords) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            CodedOutputStream aggregate = CodedOutputStream.newInstance(body);
            aggregate.writeString(1, "user-1");
            aggregate.writeString(2, "170141183460469231731687303715884105727");
            for (int i = 0; i < userRecords.size(); i++) {
                ByteArrayOutputStream recordBytes = new ByteArrayOutputStream();
                CodedOutputStream record = CodedOutputStream.newInstance(recordBytes);
                record.writeUInt64(1, 0);
                record.writeUInt64(2, 0);
                record.writeByteArray(3, userRecords.get(i));
                if (i == 0) {
                    ByteArrayOutputStream tagBytes = new ByteArrayOutputStream();
                    CodedOutputStream tag = CodedOutputStream.newInstance(tagBytes);
                    tag.writeString(1, "source");
                    tag.writeString(2, "kpl");
                    tag.flush();
                    record.writeByteArray(4, tagBytes.toByteArray());
                }
                record.flush();
                aggregate.writeByteArray(3, recordBytes.toByteArray());
            }
            aggregate.flush();
            return withMagicAndDigest(body.toByteArray(), md5(body.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same aggregate with its MD5 trailer damaged. */
    public static byte[] kplAggregateWithBadDigest(List<byte[]> userRecords) {
        byte[] good = kplAggregate(userRecords);
        good[good.length - 1] ^= 0x01;
        return good;
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] withMagicAndDigest(byte[] body, byte[] digest) {
        byte[] record = new byte[KPL_MAGIC.length + body.length + digest.length];
        System.arraycopy(KPL_MAGIC, 0, record, 0, KPL_MAGIC.length);
        System.arraycopy(body, 0, record, KPL_MAGIC.length, body.length);
        System.arraycopy(digest, 0, record, KPL_MAGIC.length + body.length, digest.length);
        return record;
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
