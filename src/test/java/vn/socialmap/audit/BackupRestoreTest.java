package vn.socialmap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.socialmap.IntegrationTest;
import vn.socialmap.Scripts;

/**
 * scripts/backup.sh and scripts/restore.sh, as an operator runs them: the test database
 * is backed up and restored into a new one, which holds the same rows in every table and
 * an audit chain that still verifies (and that the verifier would catch if it were edited).
 */
class BackupRestoreTest extends IntegrationTest {

    private static final String RESTORED = "socialmap_restore_test";

    @Value("${spring.datasource.url}")
    String url;
    @Autowired
    JdbcClient jdbc;

    private String database() {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private JdbcClient connect(String database) {
        return JdbcClient.create(new DriverManagerDataSource(url.replace("/" + database() , "/" + database), "postgres", ""));
    }

    @AfterEach
    void dropTheRestoredDatabase() {
        connect("postgres").sql("drop database if exists " + RESTORED + " with (force)").update();
    }

    @Test
    void aBackupRestoresIntoANewDatabaseWithEveryRowAndAnIntactAuditChain() throws Exception {
        dropTheRestoredDatabase();
        String file = "target/backup-test.dump";
        Scripts.run("scripts/backup.sh", database(), file);
        Map<String, Long> before = counts(jdbc);
        Scripts.run("scripts/restore.sh", file, RESTORED);

        JdbcClient restored = connect(RESTORED);
        assertThat(before.get("audit_entry")).isPositive();
        assertThat(before.get("case_event")).isGreaterThan(1000);
        assertThat(counts(restored)).isEqualTo(before);
        AuditVerifier verifier = new AuditVerifier(restored, new AuditSearch(restored));
        AuditVerifier.Result result = verifier.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(before.get("audit_entry"));

        // a restore refuses to overwrite a database
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Scripts.run("scripts/restore.sh", file, RESTORED)))
                .hasMessageContaining("exists");
        // and the chain check is real: an entry edited in the copy is found
        restored.sql("alter table audit_entry disable trigger user").update();
        restored.sql("update audit_entry set details = coalesce(details, '') || ' edited' where id = 2").update();
        assertThat(verifier.verify().firstBrokenId()).isEqualTo(2L);
    }

    /** Rows per table of the application's schema. */
    private static Map<String, Long> counts(JdbcClient db) {
        List<String> tables = db.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'spatial_ref_sys'""")
                .query(String.class).list();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, db.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
