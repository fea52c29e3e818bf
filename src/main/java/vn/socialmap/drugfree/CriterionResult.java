package vn.socialmap.drugfree;

import java.time.Instant;

/**
 * A commune's value for one criterion, as published to the caller.
 *
 * @param met        whether the criterion is met, from the true value; null when evidence was not entered
 * @param value      the value as published: counts of people and records by the disclosure rules, null when the
 *                   caller may not see it (hotspots to roles that do not see them) or nothing was entered
 * @param exact      whether {@code value} is the true value
 * @param evidence   for entered criteria: the evidence text, its document reference, who entered it and when
 */
public record CriterionResult(String id, DrugFreeSettings.Kind kind, long max, Boolean met, Long value, boolean exact,
                              boolean assumed, String source, String evidence, String document, String enteredBy,
                              Instant enteredAt) {
}
