package vn.socialmap.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.PersonImport;

/**
 * Imports 50,000 rows (25,000 new people with two events each, in Hanoi's communes) and
 * reports the median wall time of three runs after one warm-up; each run is rolled back.
 * Not part of the test suite (the name does not end in Test): run with bench/person-import.sh.
 */
class PersonImportBenchmark extends IntegrationTest {

    static final int PEOPLE = 25_000;

    @Autowired
    PersonImport imports;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void fiftyThousandRows() {
        signIn("admin");
        List<List<String>> rows = rows();
        double[] times = new double[3];
        for (int run = -1; run < times.length; run++) {
            long t0 = System.nanoTime();
            PersonImport.Result[] result = new PersonImport.Result[1];
            transactions.executeWithoutResult(status -> {
                result[0] = imports.importRows(rows, PersonImport.Mode.ALL_OR_NOTHING, null);
                status.setRollbackOnly();
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (result[0].personsCreated() != PEOPLE || !result[0].rejected().isEmpty()) {
                throw new IllegalStateException("Unexpected result " + result[0].personsCreated() + " people, "
                        + result[0].rejected().size() + " rejected: " + result[0].rejected().stream().limit(3).toList());
            }
            if (run >= 0) {
                times[run] = seconds;
            }
            System.out.printf(Locale.ROOT, "BENCH person import %s: %d rows in %.2f s%n", run < 0 ? "warm-up" : "run " + (run + 1),
                    rows.size(), seconds);
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "BENCH person import median: %.2f s for %d rows (target < 60 s)%n", times[1], rows.size());
    }

    private static List<List<String>> rows() {
        String[] communes = {"00001", "00004", "00006", "00007", "00008", "00010", "00013", "00016", "00019", "00022"};
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            // Bạc Liêu (095), born 1988, male: a range no demo person uses
            String id = String.format(Locale.ROOT, "095088%06d", i);
            String commune = communes[i % communes.length];
            for (String date : List.of("10/01/2024", "10/02/2024")) {
                rows.add(List.of(id, "Người Thử " + i, "15/03/1988", "Nam", commune, "", commune, "", "", "DRUG_USE_RECORD", date, "", ""));
            }
        }
        return rows;
    }
}
