package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.socialmap.base.VietnamTime;

/**
 * Keeps {@code status_count_month} (see the V9 migration) in step with
 * {@code person_status_period}: every write of periods adds or removes their counts on each
 * month start up to the horizon, in the writer's transaction; once a month the horizon moves
 * on. Writers share-lock the horizon, so a month is never added while a write is under way.
 * A period lies within one structure ({@link PlacedPeriods}), so every month's rows are of
 * the structure in force on its first day; a person without a unit of it counts under the
 * empty commune code. Each row also names the commune of today holding the people's residence,
 * so that counts of any date can be shown on today's communes from the rollup.
 */
@Component
class StatusRollup {

    /** The columns of status periods the rollup reads. */
    static final String COLUMNS = "province_code, structure, district_code, commune_code, current_commune_code, status, valid_from, "
            + "valid_to, record_key";

    private static final Logger log = LoggerFactory.getLogger(StatusRollup.class);

    /**
     * Counts of some periods on every month start from their first to the horizon: deltas at
     * the first month start of each period and after its end, summed in time order.
     */
    private static final String APPLY = """
            with p as (%s),
            deltas as (
                select province_code, structure, coalesce(district_code, '') as district_code,
                       coalesce(commune_code, '') as commune_code, coalesce(current_commune_code, '') as current_commune_code,
                       status, month_ceil(valid_from) as m, 1 as delta, record_key::bigint as key_delta,
                       valid_to is null or month_ceil(valid_to) > :horizon as open from p
                union all
                select province_code, structure, coalesce(district_code, ''), coalesce(commune_code, ''),
                       coalesce(current_commune_code, ''), status, month_ceil(valid_to), -1, -record_key::bigint, false from p
                where valid_to is not null),
            summed as (
                select province_code, structure, district_code, commune_code, current_commune_code, status, m,
                       sum(delta) as delta, sum(key_delta) as key_delta, bool_or(open) as open
                from deltas where m <= :horizon group by 1, 2, 3, 4, 5, 6, 7),
            -- a unit's months from its first change to the horizon, or to its last change when all its
            -- periods end by then (the periods of a structure no longer in force)
            grid as (
                select k.province_code, k.structure, k.district_code, k.commune_code, k.current_commune_code, k.status,
                       g.m::date as m
                from (select province_code, structure, district_code, commune_code, current_commune_code, status,
                             min(m) as first, case when bool_or(open) then cast(:horizon as date) else max(m) end as last
                      from summed group by 1, 2, 3, 4, 5, 6) k
                cross join lateral generate_series(k.first, k.last, interval '1 month') as g(m)),
            counted as (
                select g.m, g.province_code, g.structure, g.district_code, g.commune_code, g.current_commune_code, g.status,
                       :sign * sum(coalesce(s.delta, 0)) over w as n, :sign * sum(coalesce(s.key_delta, 0)) over w as key_sum
                from grid g left join summed s
                    using (province_code, structure, district_code, commune_code, current_commune_code, status, m)
                window w as (partition by g.province_code, g.structure, g.commune_code, g.current_commune_code, g.status,
                                          g.district_code order by g.m))
            insert into status_count_month (month, province_code, structure, district_code, commune_code, current_commune_code,
                                            status, n, key_sum)
            select m, province_code, structure, nullif(district_code, ''), commune_code, current_commune_code, status, n, key_sum
            from counted where n <> 0
            order by m, province_code, commune_code, current_commune_code, status
            on conflict (month, province_code, commune_code, current_commune_code, status)
            do update set n = status_count_month.n + excluded.n, key_sum = status_count_month.key_sum + excluded.key_sum""";

    private final JdbcClient jdbc;
    private final VietnamTime time;
    /** Counts writes of periods on this node, for caches of counts ({@link StatusCounts}). */
    private final AtomicLong changes = new AtomicLong();

    StatusRollup(JdbcClient jdbc, VietnamTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Share-locks the horizon for the rest of the transaction and returns it. */
    LocalDate lockHorizon() {
        return jdbc.sql("select month from status_count_horizon for share").query(LocalDate.class).single();
    }

    /**
     * Adds ({@code sign} 1) or removes (-1) the counts of the periods a statement yields
     * (the {@link #COLUMNS}; it may be a {@code delete ... returning}). Call after
     * {@link #lockHorizon()}.
     */
    void apply(LocalDate horizon, String periods, Map<String, Object> params, int sign) {
        changed();
        jdbc.sql(APPLY.formatted(periods)).params(params).param("horizon", Date.valueOf(horizon)).param("sign", sign).update();
    }

    /** Changes when periods are written, and again when the writing transaction ends. */
    long changes() {
        return changes.get();
    }

    /** Whether the current transaction has written periods (its counts are its own until it commits). */
    boolean writtenInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(this);
    }

    private void changed() {
        changes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StatusRollup.this);
                    changes.incrementAndGet();
                }
            });
        }
    }

    /** Moves the horizon on to the current month, a month at a time. */
    @Scheduled(cron = "0 5 0 * * *", zone = vn.socialmap.base.VietnamTime.ZONE_ID)
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void advance() {
        LocalDate current = time.today().withDayOfMonth(1);
        while (true) {
            // the update waits for writers holding the share lock, then later statements see their periods
            var next = jdbc.sql("""
                    update status_count_horizon set month = (month + interval '1 month')::date
                    where month < :current returning month""").param("current", Date.valueOf(current))
                    .query(LocalDate.class).optional();
            if (next.isEmpty()) {
                return;
            }
            LocalDate month = next.get();
            changed();
            jdbc.sql("""
                    insert into status_count_month (month, province_code, structure, district_code, commune_code,
                                                    current_commune_code, status, n, key_sum)
                    select cast(:month as date), province_code, structure, nullif(district_code, ''), commune_code,
                           current_commune_code, status, sum(n), sum(k)
                    from (
                        select province_code, structure, coalesce(district_code, '') as district_code, commune_code,
                               current_commune_code, status, n, key_sum as k
                        from status_count_month where month = :previous
                        union all
                        select province_code, structure, coalesce(district_code, ''), coalesce(commune_code, ''),
                               coalesce(current_commune_code, ''), status, 1, record_key::bigint
                        from person_status_period where valid_from > :previous and valid_from <= :month
                        union all
                        select province_code, structure, coalesce(district_code, ''), coalesce(commune_code, ''),
                               coalesce(current_commune_code, ''), status, -1, -record_key::bigint
                        from person_status_period where valid_to > :previous and valid_to <= :month) d
                    group by 1, 2, 3, 4, 5, 6, 7 having sum(n) <> 0""")
                    .param("month", Date.valueOf(month)).param("previous", Date.valueOf(month.minusMonths(1))).update();
            log.info("Status counts: month {} added", month);
        }
    }
}
