package io.sentimentconsumer.log;

import io.sentimentconsumer.events.LogEvent;

/**
 * One log line as a value: its event, its level, its text and its fields, all derived from the same components so
 * that the text and the fields cannot disagree. Each runtime's lines are records of a sealed interface in the
 * package that writes them, each kind declaring its event and level with {@link Line}; {@link EventLog#write}
 * prints any of them.
 */
public interface LogLine {

    default LogEvent event() {
        return LineKinds.of(getClass()).event();
    }

    default Level level() {
        return LineKinds.of(getClass()).level();
    }

    /** The line's text: what TEXT prints, and the {@code message} of a JSON line. Never post text. */
    String message();

    /** Writes the fields that follow {@code event}, in the order {@link LogEvent#fields()} declares. */
    default void fields(FieldWriter fields) {
        // A line whose event declares no fields.
    }
}
