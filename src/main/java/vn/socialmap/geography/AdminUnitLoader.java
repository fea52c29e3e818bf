package vn.socialmap.geography;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads the reference geography on start, once per province and structure: today's
 * structure for the whole country, and the earlier structures of the provinces with
 * history. What is already loaded is left alone (imported official boundaries are never
 * overwritten), except approximate shapes made by an older derivation, which are derived
 * again.
 *
 * <p>Runs once the beans exist (Flyway has migrated by then) and before the web server
 * takes requests, so that nobody sees an empty map on first start.
 */
@Component
class AdminUnitLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminUnitLoader.class);

    private final GeographyProperties properties;
    private final TodayStructureLoader today;
    private final HistoricStructuresLoader history;
    private final ApplicationEventPublisher events;

    AdminUnitLoader(GeographyProperties properties, TodayStructureLoader today, HistoricStructuresLoader history,
                    ApplicationEventPublisher events) {
        this.properties = properties;
        this.today = today;
        this.history = history;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        if (properties.today() != null) {
            today.load(properties.today(), properties.history());
        }
        for (GeographyProperties.History h : properties.history()) {
            history.load(h, properties.conversion());
        }
        log.info("Geography ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        events.publishEvent(new GeographyReady(this));
    }
}
