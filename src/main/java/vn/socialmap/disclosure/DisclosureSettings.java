package vn.socialmap.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cell-key method's parameters (docs/disclosure.md).
 *
 * @param maxNoise      the largest change of a count
 * @param variance      the noise's variance where the count allows it
 * @param smallBelow counts from 1 to smallBelow - 1 are small: they share one distribution (2 or 3 for 1 to 4),
 *                   and no other count is published below smallBelow but as 0
 */
@ConfigurationProperties("socialmap.disclosure")
public record DisclosureSettings(int maxNoise, double variance, int smallBelow) {

    public DisclosureSettings {
        maxNoise = maxNoise <= 0 ? 9 : maxNoise;
        variance = variance <= 0 ? 9 : variance;
        smallBelow = smallBelow <= 1 ? 5 : smallBelow;
    }
}
