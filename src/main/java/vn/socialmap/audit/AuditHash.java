package vn.socialmap.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over an entry's fields and the previous entry's hash. Each field is written
 * with its length, so that moving text from one field to the next changes the hash.
 */
final class AuditHash {

    private AuditHash() {
    }

    static String of(AuditEntry e) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {e.id(), e.occurredAt(), e.username(), e.role(), e.area(), e.action(),
                e.recordType(), e.recordIds(), e.clientAddress(), e.reason(), e.details(), e.previousHash()}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                String text = field.toString();
                canonical.append(text.length()).append(':').append(text);
            }
            canonical.append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
