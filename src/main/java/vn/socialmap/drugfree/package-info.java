/**
 * Drug-free communes ("xã, phường không ma túy", Decision 28/2025/QĐ-TTg): the criteria as
 * settings (each with its source, marked assumed while the decision's text is not at hand),
 * each commune's criteria for a year (computed from the registries where they can be, entered
 * with evidence where they cannot), the status decisions per commune and year with their
 * history, the map layer, the list view and the API.
 * <p>
 * A module of its own rather than part of {@code targets}: it keeps records of its own
 * (decisions and evidence, with who entered them) and its own write rules, which plans do not
 * have. Plans reach it the other way round: it implements {@code targets.IndicatorSource}, so
 * Plans 290/KH-UBND and 08/KH-UBND count recognised communes without {@code targets} depending
 * on this module (dependencies: drugfree → targets, cases, facilities' table by SQL only,
 * geography, security, disclosure, audit, base).
 */
package vn.socialmap.drugfree;
