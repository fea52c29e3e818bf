package vn.socialmap.drugfree;

import java.time.Instant;
import java.time.LocalDate;

/** One stored status decision for a commune and year (a row of its history, never changed). */
public record Decision(long id, String communeCode, int year, DrugFreeStatus status, String decidedBy, LocalDate decidedOn,
                       String reference, String recordedBy, Instant recordedAt, boolean demo) {
}
