package io.sentimentconsumer.kcl;

import java.util.ArrayList;
import java.util.List;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.processor.Checkpointer;
import software.amazon.kinesis.processor.PreparedCheckpointer;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * One processor's checkpointer, with the rules of KCL 3.5.1's {@code ShardRecordProcessorCheckpointer} and
 * {@code DynamoDBCheckpointer} that a processor can observe:
 * <ul>
 *   <li>a value must lie between the last checkpoint and the largest one permitted (the last record delivered so
 *       far; {@code SHARD_END} once the shard has ended), else {@link IllegalArgumentException};</li>
 *   <li>a value equal to the last checkpoint is not written at all ({@code advancePosition},
 *       {@code doPrepareCheckpoint}), so it cannot fail either;</li>
 *   <li>every write is conditional on the lease: once it is lost, {@link ShutdownException};</li>
 *   <li>during {@code shardEnded}, checkpointing the shard's last record writes {@code SHARD_END}.</li>
 * </ul>
 * The lease row it writes to ({@link Lease}) outlives the processor, as the lease table does.
 */
final class FakeCheckpointer implements RecordProcessorCheckpointer {

    /** The shard's row in the lease table: the checkpoint the next processor starts after, and a pending one. */
    static final class Lease {
        ExtendedSequenceNumber checkpoint = ExtendedSequenceNumber.TRIM_HORIZON;
        ExtendedSequenceNumber pending;
    }

    /** Sees every write before it happens (and may lose the lease), and every checkpoint that was written. */
    interface Listener {
        Listener NONE = new Listener() { };

        default void beforeWrite(FakeCheckpointer checkpointer) { }

        default void checkpointed(ExtendedSequenceNumber value) { }
    }

    private final Lease lease;
    private final Listener listener;
    private final List<ExtendedSequenceNumber> written = new ArrayList<>();
    private final List<ExtendedSequenceNumber> prepared = new ArrayList<>();
    private ExtendedSequenceNumber last;
    private ExtendedSequenceNumber largestPermitted;
    private ExtendedSequenceNumber lastRecordOfShard;
    private boolean held = true;

    FakeCheckpointer(Lease lease, Listener listener) {
        this.lease = lease;
        this.listener = listener;
        this.last = lease.checkpoint;
        this.largestPermitted = lease.checkpoint; // as KCL's InitializeTask sets it
    }

    FakeCheckpointer() {
        this(new Lease(), Listener.NONE);
    }

    /** KCL raises the bound to the last record of each {@code processRecords} call before making it. */
    void delivered(KinesisClientRecord lastRecord) {
        largestPermitted = of(lastRecord);
    }

    /** What KCL's ShutdownTask does before calling {@code shardEnded}. */
    void shardEnded() {
        lastRecordOfShard = largestPermitted;
        largestPermitted = ExtendedSequenceNumber.SHARD_END;
    }

    void loseLease() {
        held = false;
    }

    boolean held() {
        return held;
    }

    /** The checkpoints written, in order ({@code SHARD_END} included). */
    List<ExtendedSequenceNumber> written() {
        return List.copyOf(written);
    }

    /** The pending checkpoints written, in order. */
    List<ExtendedSequenceNumber> prepared() {
        return List.copyOf(prepared);
    }

    static ExtendedSequenceNumber of(KinesisClientRecord record) {
        return new ExtendedSequenceNumber(record.sequenceNumber(), record.subSequenceNumber());
    }

    @Override
    public void checkpoint() throws ShutdownException {
        write(largestPermitted);
    }

    @Override
    public void checkpoint(String sequenceNumber, long subSequenceNumber) throws ShutdownException {
        write(inRange(new ExtendedSequenceNumber(sequenceNumber, subSequenceNumber)));
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber)
            throws ShutdownException {
        ExtendedSequenceNumber value = inRange(new ExtendedSequenceNumber(sequenceNumber, subSequenceNumber));
        if (!value.equals(last)) {
            listener.beforeWrite(this);
            requireLease("prepare checkpoint");
            lease.pending = value;
            prepared.add(value);
        }
        return new PreparedCheckpointer() {
            @Override
            public ExtendedSequenceNumber pendingCheckpoint() {
                return value;
            }

            @Override
            public void checkpoint() throws ShutdownException {
                write(value);
            }
        };
    }

    private void write(ExtendedSequenceNumber value) throws ShutdownException {
        ExtendedSequenceNumber recorded = value.equals(lastRecordOfShard) ? ExtendedSequenceNumber.SHARD_END : value;
        if (value.equals(last)) {
            return;
        }
        listener.beforeWrite(this);
        requireLease("update checkpoint");
        lease.checkpoint = recorded;
        lease.pending = null;
        last = recorded;
        written.add(recorded);
        listener.checkpointed(recorded);
    }

    private ExtendedSequenceNumber inRange(ExtendedSequenceNumber value) {
        if ((last != null && last.compareTo(value) > 0) || largestPermitted == null
                || value.compareTo(largestPermitted) > 0) {
            throw new IllegalArgumentException("Could not checkpoint at " + value + ": outside [" + last + ", "
                    + largestPermitted + "]");
        }
        return value;
    }

    private void requireLease(String what) throws ShutdownException {
        if (!held) {
            throw new ShutdownException("Can't " + what + " - instance doesn't hold the lease for this shard");
        }
    }

    @Override
    public void checkpoint(software.amazon.awssdk.services.kinesis.model.Record record) {
        throw new UnsupportedOperationException("checkpoint(Record)");
    }

    @Override
    public void checkpoint(String sequenceNumber) {
        throw new UnsupportedOperationException("checkpoint(String)");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint() {
        throw new UnsupportedOperationException("prepareCheckpoint()");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(byte[] applicationState) {
        throw new UnsupportedOperationException("prepareCheckpoint(byte[])");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(software.amazon.awssdk.services.kinesis.model.Record record) {
        throw new UnsupportedOperationException("prepareCheckpoint(Record)");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(software.amazon.awssdk.services.kinesis.model.Record record,
                                                  byte[] applicationState) {
        throw new UnsupportedOperationException("prepareCheckpoint(Record, byte[])");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber) {
        throw new UnsupportedOperationException("prepareCheckpoint(String)");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, byte[] applicationState) {
        throw new UnsupportedOperationException("prepareCheckpoint(String, byte[])");
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber,
                                                  byte[] applicationState) {
        throw new UnsupportedOperationException("prepareCheckpoint(String, long, byte[])");
    }

    @Override
    public Checkpointer checkpointer() {
        throw new UnsupportedOperationException("checkpointer()");
    }
}
