package vn.socialmap.imports.boundaries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far a boundary file may stray before it is stopped.
 *
 * @param largeChangePercent   a unit whose new shape differs from its current one by more than this
 *                             share of the current area (symmetric difference) needs the
 *                             administrator's explicit confirmation before commit: a real
 *                             correction moves an edge, not half a district
 * @param provinceMarginMeters a shape that comes no nearer than this to its province's current
 *                             boundary is refused as lying outside the province (a wrong
 *                             coordinate system puts whole files tens or hundreds of km away)
 */
@ConfigurationProperties("socialmap.imports.boundaries")
public record BoundaryImportSettings(@DefaultValue("50") double largeChangePercent,
                                     @DefaultValue("2000") double provinceMarginMeters) {
}
