package vn.socialmap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.IntegrationTest;

class AuditChainTest extends IntegrationTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    AuditSearch search;
    @Autowired
    AuditVerifyCommand command;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final Actor tester = new Actor("tester", "ADMIN", null, "127.0.0.1");

    @Test
    void entriesChainAndVerify() {
        log.record(tester, AuditAction.VIEW, "person", List.of(41), null, null);
        AuditEntry first = latest();
        log.record(tester, AuditAction.SEARCH, "person", List.of(41, 42), null, "q=nguyen");
        AuditEntry second = latest();
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        log.record(tester, AuditAction.VIEW, "person", List.of(7), null, null);
        AuditEntry entry = latest();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set details = 'x' where id = ?", entry.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", entry.id()))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedRowBreaksTheChainAndIsNamed() {
        log.record(tester, AuditAction.EXPORT, "person", List.of(1, 2, 3), null, "export of 3");
        AuditEntry entry = latest();
        log.record(tester, AuditAction.VIEW, "person", List.of(9), null, null);
        tamper("update audit_entry set record_ids = '1,2' where id = " + entry.id());
        try {
            AuditVerifier.Result result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(entry.id());
            String printed = captureOutput(() -> assertThat(command.report(result)).isEqualTo(1));
            assertThat(printed).contains("BROKEN at entry " + entry.id());
        } finally {
            tamper("update audit_entry set record_ids = '1,2,3' where id = " + entry.id());
        }
        assertThat(verifier.verify().intact()).isTrue();
        String printed = captureOutput(() -> assertThat(command.report(verifier.verify())).isZero());
        assertThat(printed).contains("intact");
    }

    @Test
    void aDeletedRowBreaksTheChain() {
        log.record(tester, AuditAction.VIEW, "person", List.of(5), null, null);
        AuditEntry entry = latest();
        log.record(tester, AuditAction.VIEW, "person", List.of(6), null, null);
        tamper("create table saved_entry as select * from audit_entry where id = " + entry.id()
                + "; delete from audit_entry where id = " + entry.id());
        try {
            AuditVerifier.Result result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(entry.id() + 1);
        } finally {
            tamper("insert into audit_entry select * from saved_entry; drop table saved_entry");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void searchAndCsvExport() {
        log.record(new Actor("csv-user", "ADMIN", null, "10.0.0.1"), AuditAction.VIEW, "person",
                List.of(777), "=HYPERLINK(\"x\")", "a,b \"c\"");
        AuditEntry entry = latest();
        List<AuditEntry> found = search.find(new AuditQuery("csv-user", AuditAction.VIEW, "777", null, null), 0, 10);
        assertThat(found).extracting(AuditEntry::id).containsExactly(entry.id());
        assertThat(search.find(new AuditQuery("csv-user", AuditAction.VIEW, "77", null, null), 0, 10)).isEmpty();
        StringWriter out = new StringWriter();
        search.exportCsv(new AuditQuery("csv-user", null, null, null, null), out);
        assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains("\"a,b \"\"c\"\"\"");
    }

    private AuditEntry latest() {
        return search.find(AuditQuery.all(), 0, 1).getFirst();
    }

    @Test
    void entriesOfOneTransactionAreChainedAtItsCommitAndVanishWithItsRollback() {
        log.record(tester, AuditAction.VIEW, "person", List.of(10), null, null);
        long before = latest().id();
        transactions.executeWithoutResult(status -> {
            log.record(tester, AuditAction.VIEW, "person", List.of(11), null, null);
            log.record(tester, AuditAction.VIEW, "person", List.of(12), null, null);
            // not chained while the transaction runs: the head is not locked yet
            assertThat(jdbc.queryForObject("select last_id from audit_head", Long.class)).isEqualTo(before);
        });
        assertThat(search.find(AuditQuery.all(), 0, 2)).extracting(AuditEntry::id, AuditEntry::recordIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(before + 2, "12"),
                        org.assertj.core.groups.Tuple.tuple(before + 1, "11"));
        transactions.executeWithoutResult(status -> {
            log.record(tester, AuditAction.VIEW, "person", List.of(13), null, null);
            status.setRollbackOnly();
        });
        assertThat(latest().id()).isEqualTo(before + 2);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void concurrentTransactionsChainWithoutGapsOrForks() throws Exception {
        log.record(tester, AuditAction.VIEW, "person", List.of(20), null, null);
        long before = latest().id();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int t = 0; t < 6; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        int n = i;
                        transactions.executeWithoutResult(status -> {
                            log.record(tester, AuditAction.VIEW, "person", List.of(thread * 100 + n), null, null);
                            jdbc.queryForObject("select pg_sleep(0.001)", Object.class); // the caller's own work
                        });
                    }
                });
            }
        }
        assertThat(latest().id()).isEqualTo(before + 120);
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** A DBA with the rights to bypass the trigger, as an attacker with database access would. */
    private void tamper(String sql) {
        jdbc.execute("alter table audit_entry disable trigger audit_entry_no_update_or_delete");
        try {
            for (String statement : sql.split(";")) {
                jdbc.execute(statement);
            }
        } finally {
            jdbc.execute("alter table audit_entry enable trigger audit_entry_no_update_or_delete");
        }
    }

    private static String captureOutput(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
