/**
 * The case registry: people who use drugs, in and after rehab, and their path as dated
 * events checked by {@link vn.socialmap.cases.PathRules}. Every read is scoped by the
 * caller's area and audited; status on a date is derived from the events.
 */
package vn.socialmap.cases;
