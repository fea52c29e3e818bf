package vn.socialmap.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.socialmap.IntegrationTest;

/** "In force on a day" is one rule: the SQL function in_force answers as InForce.on, at every edge. */
class InForceTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void sqlAndJavaAgreeAtEveryEdge() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2025, 7, 1);
        List<LocalDate> days = List.of(from.minusDays(1), from, from.plusDays(1), to.minusDays(1), to, to.plusDays(1));
        List<String> disagreements = new ArrayList<>();
        int inForce = 0;
        for (LocalDate[] period : Arrays.asList(new LocalDate[] {from, to}, new LocalDate[] {null, to},
                new LocalDate[] {from, null}, new LocalDate[] {null, null})) {
            for (LocalDate day : days) {
                boolean java = InForce.on(period[0], period[1], day);
                boolean sql = jdbc.sql("select in_force(cast(:f as date), cast(:t as date), cast(:d as date))")
                        .param("f", period[0]).param("t", period[1]).param("d", day).query(Boolean.class).single();
                inForce += java ? 1 : 0;
                if (java != sql) {
                    disagreements.add(Arrays.toString(period) + " on " + day + ": Java " + java + ", SQL " + sql);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(inForce).as("both answers occur").isBetween(1, 23);
        assertThat(InForce.on(from, to, to)).as("the end is the first day no longer in force").isFalse();
        assertThat(InForce.on(from, to, from)).isTrue();
    }
}
