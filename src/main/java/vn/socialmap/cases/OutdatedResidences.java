package vn.socialmap.cases;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.GeographyReady;

/**
 * On start, places the people whose residence is of an earlier structure (records kept
 * before a reform, or before this version) in every structure, moves their current
 * residence into today's and their status periods into the units in force on their dates.
 * Runs after the demo data is loaded, in batches, each in its own transaction.
 */
@Component
@Order(20)
class OutdatedResidences implements ApplicationListener<GeographyReady> {

    private static final Logger log = LoggerFactory.getLogger(OutdatedResidences.class);
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final AdminStructures structures;
    private final ResidencePlacement placement;
    private final StatusProjection projection;
    private final TransactionTemplate transaction;

    OutdatedResidences(JdbcClient jdbc, AdminStructures structures, ResidencePlacement placement, StatusProjection projection,
                       TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.placement = placement;
        this.projection = projection;
        this.transaction = transaction;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        String today = structures.current().code();
        List<Long> ids = jdbc.sql("""
                select id from person p where p.merged_into_id is null
                  and (p.current_structure <> :today
                       or not exists (select 1 from person_placement pl where pl.province_code = p.province_code and pl.person_id = p.id))
                order by id""").param("today", today).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            transaction.executeWithoutResult(status -> {
                var placed = placement.place(placement.residences(batch));
                placement.writeCurrent(placed);
                projection.replace(batch);
            });
        }
        log.info("Placed {} people in the structures of their province in {} ms", ids.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
