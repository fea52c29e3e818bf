package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the reference geography comes from.
 *
 * @param sources            per province: the GSO unit list (CSV) and district boundaries (GeoJSON)
 * @param structureValidFrom the date from which the loaded unit structure is taken as valid
 */
@ConfigurationProperties("socialmap.geography")
public record GeographyProperties(List<Source> sources, LocalDate structureValidFrom) {

    public GeographyProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        structureValidFrom = structureValidFrom == null ? LocalDate.of(2020, 1, 1) : structureValidFrom;
    }

    public record Source(String province, Resource units, Resource districtBoundaries) {
    }
}
