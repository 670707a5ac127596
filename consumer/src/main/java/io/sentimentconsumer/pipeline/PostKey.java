package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.ingest.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What makes two records the same post within an invocation: the same id and the same content. Held as a SHA-256
 * digest of both, 32 bytes, so that de-duplication keeps no post's text alive: a delivery of posts of a megabyte
 * each would otherwise hold them all until the invocation ends.
 */
record PostKey(byte[] digest) {

    static PostKey of(Post post) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] id = post.id().getBytes(StandardCharsets.UTF_8);
        // The id's length first, so that no other split of the same bytes into id and content collides.
        sha256.update(new byte[] {(byte) (id.length >>> 24), (byte) (id.length >>> 16), (byte) (id.length >>> 8),
                (byte) id.length});
        sha256.update(id);
        return new PostKey(sha256.digest(post.content().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostKey key && Arrays.equals(digest, key.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}
