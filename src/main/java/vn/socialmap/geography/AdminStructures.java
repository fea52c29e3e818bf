package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.socialmap.base.VietnamTime;

/**
 * The administrative structures and which one is in force on a date: the one place that
 * maps dates to structures (the database's period splitting takes the spans from here).
 */
@Service
public class AdminStructures {

    private final JdbcClient jdbc;
    private final VietnamTime time;
    private volatile List<AdminStructure> all;

    AdminStructures(JdbcClient jdbc, VietnamTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Every structure, the earliest first. Structures change by migration only, so they are read once. */
    public List<AdminStructure> all() {
        List<AdminStructure> read = all;
        if (read == null) {
            read = List.copyOf(jdbc.sql("""
                    select code, valid_from, valid_to, has_districts, legal_basis from admin_structure
                    order by valid_from nulls first""")
                    .query((rs, n) -> new AdminStructure(rs.getString("code"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                            rs.getBoolean("has_districts"), rs.getString("legal_basis")))
                    .list());
            all = read;
        }
        return read;
    }

    /** The structure in force on a date; the earliest one serves dates before it. */
    public AdminStructure on(LocalDate date) {
        return all().stream().filter(s -> s.inForceOn(date)).findFirst().orElseThrow(
                () -> new IllegalStateException("No administrative structure in force on " + date));
    }

    /** The structure in force today (in Vietnam). */
    public AdminStructure current() {
        return on(time.today());
    }

    public LocalDate today() {
        return time.today();
    }

    public Optional<AdminStructure> find(String code) {
        return all().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public AdminStructure require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown administrative structure " + code));
    }

    /** The latest structure that had a district level: the districts that officers' accounts and old records keep. */
    public Optional<AdminStructure> lastWithDistricts() {
        return all().reversed().stream().filter(AdminStructure::hasDistricts).findFirst();
    }

    /** A date inside the structure's span: the date itself when in force then, else its nearest day in force. */
    public LocalDate dayWithin(AdminStructure structure, LocalDate date) {
        if (structure.inForceOn(date)) {
            return date;
        }
        if (structure.validFrom() != null && date.isBefore(structure.validFrom())) {
            return structure.validFrom();
        }
        return structure.lastDay();
    }
}
