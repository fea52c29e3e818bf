package vn.socialmap.geography;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the reference geography comes from (files in gis-data, see its NOTICE.md).
 *
 * @param today       the structure in force today for the whole country: provinces and communes
 * @param conversion  the official conversion table of 1 July 2025 (communes of 2025-01 into today's)
 * @param history     provinces whose earlier structures (2022, 2025-01) are loaded too
 */
@ConfigurationProperties("socialmap.geography")
public record GeographyProperties(Today today, Resource conversion, List<History> history) {

    public GeographyProperties {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * @param provinces          today's provinces (real boundaries)
     * @param communes           today's communes of the country (simplified; may be gzipped)
     * @param population         population and area of today's communes of the country
     * @param populationExcluded communes whose published figure is not used for rates (Đặc khu Hoàng Sa:
     *                           no resident population; gis-data/NOTICE.md)
     */
    public record Today(Resource provinces, Resource communes, Resource population, List<String> populationExcluded) {

        public Today {
            populationExcluded = populationExcluded == null ? List.of() : List.copyOf(populationExcluded);
        }
    }

    /**
     * A province with its history: the GSO list of 2022, the 2022 district boundaries, the commune
     * mergers of January 2025, and today's communes at full resolution with their population.
     */
    public record History(String province, Resource units2022, Resource districtBoundaries, Resource mergers202501,
                          Resource communes, Resource population) {
    }
}
