package vn.socialmap.drugfree;

import java.time.Instant;

/** One entry of evidence for a criterion the registry cannot compute (the latest entry counts). */
public record Evidence(long id, String communeCode, int year, String criterion, long value, String evidence, String document,
                       String recordedBy, Instant recordedAt, boolean demo) {
}
