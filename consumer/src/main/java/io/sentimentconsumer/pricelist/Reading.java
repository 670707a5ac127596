package io.sentimentconsumer.pricelist;

/** What one piece of the Price List says, or why it is skipped: nothing the mapping does not know is guessed. */
sealed interface Reading<T> permits Reading.Read, Reading.Skipped {

    record Read<T>(T value) implements Reading<T> {}

    /** @param reason a short reason, the same for every product skipped for it, so that they can be counted */
    record Skipped<T>(String reason) implements Reading<T> {}

    static <T> Reading<T> skipped(String reason) {
        return new Skipped<>(reason);
    }
}
