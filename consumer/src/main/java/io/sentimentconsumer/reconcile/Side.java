package io.sentimentconsumer.reconcile;

/**
 * One side's token count for an hour (or a total): ours or Bedrock's.
 *
 * @param hasData whether the side published anything at all: a side without data is not the same as one that
 *                counted zero, and an hour only one side has data for counts as 100% different
 */
public record Side(long input, long output, boolean hasData) {

    /** A side that published nothing. */
    public static final Side NONE = new Side(0, 0, false);

    public long total() {
        return input + output;
    }

    public Side plus(Side other) {
        return new Side(input + other.input, output + other.output, hasData || other.hasData);
    }
}
