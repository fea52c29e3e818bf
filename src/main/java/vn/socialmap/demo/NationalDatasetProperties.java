package vn.socialmap.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic national dataset (bench/national-dataset.sh): generated when
 * {@code generate} is set, then the application exits.
 *
 * @param generate  generate the dataset and exit
 * @param persons   people in the whole database when done (the demo provinces' included)
 * @param events    events in the whole database when done, approximately
 * @param seed      the random seed: the same seed (and end date) gives the same dataset
 * @param until     the last day with events; default the end of the previous month
 */
@ConfigurationProperties("socialmap.national")
public record NationalDatasetProperties(boolean generate, @DefaultValue("1000000") int persons,
                                        @DefaultValue("10000000") long events, @DefaultValue("20260101") long seed,
                                        LocalDate until) {
}
