package io.sentimentconsumer.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER sentiment lexicon (Hutto &amp; Gilbert, MIT licence): about 7,500 words, emoticons and a few two-word
 * phrases, each rated by people from -4 (most negative) to 4 (most positive). Only the text file is taken from the
 * artifact that ships it; none of that artifact's classes are ever loaded.
 */
final class VaderLexicon {

    static final String RESOURCE = "vader_sentiment_lexicon.txt";

    private VaderLexicon() {}

    /**
     * The mean valence of every entry, keyed exactly as the file writes it: words in lower case, emoticons as they
     * are (":D" and ":d" differ). Read on first use, once per JVM.
     */
    static Map<String, Double> valences() {
        return Holder.VALENCES;
    }

    /** The JVM initialises a class once and publishes its statics safely, so this is lazy and thread-safe. */
    private static final class Holder {
        static final Map<String, Double> VALENCES = load();
    }

    private static Map<String, Double> load() {
        InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath; it comes with "
                    + "com.github.apanimesh061:vader-sentiment-analyzer");
        }
        // The file is ASCII but for two emoticons written with one Latin-1 byte (0xDE, "Þ"), which is not valid
        // UTF-8; Latin-1 decodes every byte as written.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            Map<String, Double> valences = new HashMap<>();
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < 2 || fields[0].isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + " is not token<TAB>valence");
                }
                // A few keys appear twice with different ratings (e.g. "lol" among the emoticons and again among
                // the words); as in VADER's own reference code, which fills a dict line by line, the later wins.
                valences.put(fields[0], Double.parseDouble(fields[1].strip()));
            }
            return Map.copyOf(valences);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
