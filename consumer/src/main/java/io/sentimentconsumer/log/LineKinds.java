package io.sentimentconsumer.log;

/** The {@link Line} of each kind of line, read once per kind rather than on every line written. */
final class LineKinds {

    private static final ClassValue<Line> KINDS = new ClassValue<>() {
        @Override
        protected Line computeValue(Class<?> type) {
            Line line = type.getAnnotation(Line.class);
            if (line == null) {
                throw new IllegalStateException(type.getName() + " declares no event: annotate it with @Line(event = "
                        + "..., level = ...), or override event() and level()");
            }
            return line;
        }
    };

    private LineKinds() {}

    static Line of(Class<?> type) {
        return KINDS.get(type);
    }
}
