package io.sentimentconsumer.log;

import io.sentimentconsumer.events.LogEvent;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event and level of every line of one kind, declared on its type: what {@link LogLine#event()} and
 * {@link LogLine#level()} return unless the line overrides them (a line whose event depends on its values).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Line {

    LogEvent event();

    Level level();
}
