package vn.socialmap.facilities;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who ran a rehab facility when ({@code facility_operator}) and which facilities were merged
 * into which ({@code facility_succession}): facts with their sources, keyed by the facility's
 * code in its province as the case registry and the plans know it.
 */
@Service
@Transactional(readOnly = true)
public class FacilityHistory {

    /** One operator's period: {@code [validFrom, validTo)}, validFrom null when earlier than known, validTo null while open. */
    public record OperatorPeriod(OperatorKind kind, String name, LocalDate validFrom, LocalDate validTo, String source) {

        public boolean covers(LocalDate date) {
            return vn.socialmap.base.InForce.on(validFrom, validTo, date);
        }
    }

    /** A facility merged into another on a date; {@code assumed} where no published text says so. */
    public record Succession(String predecessorCode, String successorCode, LocalDate date, String source, boolean assumed) {
    }

    private final JdbcClient jdbc;

    FacilityHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OperatorPeriod> operators(String provinceCode, String facilityCode) {
        return jdbc.sql("""
                        select operator_kind, operator_name, valid_from, valid_to, source from facility_operator
                        where province_code = :province and facility_code = :code order by valid_from nulls first""")
                .param("province", provinceCode).param("code", facilityCode)
                .query((rs, n) -> new OperatorPeriod(OperatorKind.valueOf(rs.getString(1)), rs.getString(2),
                        day(rs.getDate(3)), day(rs.getDate(4)), rs.getString(5)))
                .list();
    }

    public Optional<OperatorPeriod> operatorOn(String provinceCode, String facilityCode, LocalDate date) {
        return operators(provinceCode, facilityCode).stream().filter(p -> p.covers(date)).findFirst();
    }

    /** The facilities merged into this one. */
    public List<Succession> predecessors(String provinceCode, String facilityCode) {
        return successions("successor_code", provinceCode, facilityCode);
    }

    /** The facilities this one was merged into. */
    public List<Succession> successors(String provinceCode, String facilityCode) {
        return successions("predecessor_code", provinceCode, facilityCode);
    }

    /** Every merger of the province, by successor. */
    public List<Succession> successions(String provinceCode) {
        return jdbc.sql("""
                        select predecessor_code, successor_code, succession_date, source, assumed from facility_succession
                        where province_code = :province order by successor_code, predecessor_code""")
                .param("province", provinceCode)
                .query((rs, n) -> new Succession(rs.getString(1), rs.getString(2), day(rs.getDate(3)), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    private List<Succession> successions(String column, String provinceCode, String facilityCode) {
        // the column name comes from the two callers above, never from input
        return jdbc.sql("""
                        select predecessor_code, successor_code, succession_date, source, assumed from facility_succession
                        where province_code = :province and %s = :code order by predecessor_code, successor_code"""
                        .formatted(column))
                .param("province", provinceCode).param("code", facilityCode)
                .query((rs, n) -> new Succession(rs.getString(1), rs.getString(2), day(rs.getDate(3)), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
