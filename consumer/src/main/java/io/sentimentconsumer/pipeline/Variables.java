package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.events.Setting;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An environment's variables, read as {@link Setting}s by the configuration builders: each read hands on a
 * variable's value only when the environment sets it, so a builder keeps its own value (a default, or a runtime's
 * default) for every other. A value that cannot be read fails with a message naming the variable.
 */
public record Variables(Map<String, String> environment) {

    /** Hands on the value as the environment spells it, blank included, when the variable is set. */
    public void ifSet(Setting setting, Consumer<String> to) {
        String value = environment.get(setting.variable());
        if (value != null) {
            to.accept(value);
        }
    }

    /** Hands on the trimmed value when the variable is set to something other than blanks. */
    public void ifGiven(Setting setting, Consumer<String> to) {
        String value = environment.get(setting.variable());
        if (value != null && !value.isBlank()) {
            to.accept(value.trim());
        }
    }

    /** Hands on the value as an integer when the variable is set to something other than blanks. */
    public void ifInteger(Setting setting, IntConsumer to) {
        ifGiven(setting, value -> {
            try {
                to.accept(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        setting.variable() + " must be an integer; was '" + environment.get(setting.variable()) + "'",
                        e);
            }
        });
    }
}
