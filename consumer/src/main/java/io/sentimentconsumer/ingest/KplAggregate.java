package io.sentimentconsumer.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads records that the Kinesis Producer Library aggregated: the magic bytes {@code F3 89 9A C2}, a protobuf
 * {@code AggregatedRecord}, and the MD5 of that protobuf. Only the fields this consumer needs are read
 * ({@code records[].data}); partition keys, explicit hash keys and tags are skipped.
 *
 * <p>The maintained de-aggregation libraries depend on the Kinesis Client Library and the AWS SDK for Java 1.x,
 * tens of megabytes that the Lambda jar cannot carry; the format is small and documented, so it is read here and
 * tested against records built by protobuf's own encoder.
 */
public final class KplAggregate {

    private static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    private static final int MD5_BYTES = 16;
    private static final int RECORDS_FIELD = 3;
    private static final int DATA_FIELD = 3;

    private KplAggregate() {}

    public static boolean isAggregated(byte[] data) {
        return data.length >= MAGIC.length + MD5_BYTES
                && Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The user records' data, in order; throws {@link IllegalArgumentException} with the defect otherwise. */
    public static List<byte[]> userRecords(byte[] data) {
        int bodyEnd = data.length - MD5_BYTES;
        byte[] body = Arrays.copyOfRange(data, MAGIC.length, bodyEnd);
        if (!Arrays.equals(md5(body), Arrays.copyOfRange(data, bodyEnd, data.length))) {
            throw new IllegalArgumentException("KPL aggregated record fails its MD5 check");
        }
        List<byte[]> records = new ArrayList<>();
        Protobuf message = new Protobuf(body);
        while (message.hasMore()) {
            int tag = message.varint32();
            if (tag >>> 3 == RECORDS_FIELD && (tag & 7) == Protobuf.LENGTH_DELIMITED) {
                records.add(dataOf(new Protobuf(message.bytes())));
            } else {
                message.skip(tag & 7);
            }
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("KPL aggregated record holds no user records");
        }
        return records;
    }

    private static byte[] dataOf(Protobuf record) {
        byte[] data = null;
        while (record.hasMore()) {
            int tag = record.varint32();
            if (tag >>> 3 == DATA_FIELD && (tag & 7) == Protobuf.LENGTH_DELIMITED) {
                data = record.bytes();
            } else {
                record.skip(tag & 7);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("KPL user record has no data");
        }
        return data;
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /** Just enough of the protobuf wire format: varints, length-delimited fields, and skipping the rest. */
    private static final class Protobuf {
        static final int VARINT = 0;
        static final int FIXED64 = 1;
        static final int LENGTH_DELIMITED = 2;
        static final int FIXED32 = 5;

        private final byte[] buffer;
        private int position;

        Protobuf(byte[] buffer) {
            this.buffer = buffer;
        }

        boolean hasMore() {
            return position < buffer.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("KPL aggregated record has a malformed varint");
        }

        int varint32() {
            long value = varint();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("KPL aggregated record has an out-of-range field");
            }
            return (int) value;
        }

        byte[] bytes() {
            int length = varint32();
            if (length > buffer.length - position) {
                throw new IllegalArgumentException("KPL aggregated record is truncated");
            }
            byte[] bytes = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return bytes;
        }

        void skip(int wireType) {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case LENGTH_DELIMITED -> advance(varint32());
                case FIXED32 -> advance(4);
                default -> throw new IllegalArgumentException(
                        "KPL aggregated record has an unknown wire type " + wireType);
            }
        }

        private void advance(int bytes) {
            if (bytes > buffer.length - position) {
                throw new IllegalArgumentException("KPL aggregated record is truncated");
            }
            position += bytes;
        }

        private byte next() {
            if (position >= buffer.length) {
                throw new IllegalArgumentException("KPL aggregated record is truncated");
            }
            return buffer[position++];
        }
    }
}
