/**
 * Plans as data: numbered indicators with a definition of how their actual is computed
 * from the registries, targets per city, district or facility, and progress for any
 * as-of date (percent achieved, ahead / on track / behind the elapsed share of the period).
 */
package vn.socialmap.targets;
