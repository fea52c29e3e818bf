package vn.socialmap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.socialmap.IntegrationTest;
import vn.socialmap.ReadsTheWholeRunsLog;

/**
 * No personal data in the logs: after every other test of the run has written to the log
 * (sign-ins, imports, searches, errors, the database outage), the log holds none of the
 * people's names (as written or folded for search) or national IDs. The log must also be
 * the structured one, with a request id on the lines of requests.
 */
@ReadsTheWholeRunsLog
class LogPrivacyTest extends IntegrationTest {

    private static final Pattern DIGITS = Pattern.compile("\\d{9,12}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    @Value("${logging.file.name}")
    String logFile;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLogOfTheWholeRunNamesNobody() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(logFile), StandardCharsets.UTF_8);
        assertThat(lines).as("the run's log").hasSizeGreaterThan(100);
        assertThat(lines).anyMatch(l -> l.startsWith("{") && l.contains("\"requestId\":\""));

        Set<String> names = new HashSet<>(jdbc.sql("select full_name from person").query(String.class).list());
        names.addAll(jdbc.sql("select name_folded from person").query(String.class).list());
        Set<String> nationalIds = new HashSet<>(jdbc.sql("select national_id from person where national_id is not null")
                .query(String.class).list());
        assertThat(names).hasSizeGreaterThan(1000);
        assertThat(nationalIds).hasSizeGreaterThan(100);

        List<String> leaks = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            Matcher digits = DIGITS.matcher(line);
            while (digits.find()) {
                if (nationalIds.contains(digits.group())) {
                    leaks.add("line " + (n + 1) + ": national ID " + digits.group());
                }
            }
            // every run of two to five words of the line, as a name could be written
            List<String> words = new ArrayList<>();
            Matcher word = WORD.matcher(line);
            while (word.find()) {
                words.add(word.group());
            }
            for (int i = 0; i < words.size(); i++) {
                StringBuilder candidate = new StringBuilder(words.get(i));
                for (int j = i + 1; j < Math.min(words.size(), i + 5); j++) {
                    candidate.append(' ').append(words.get(j));
                    if (names.contains(candidate.toString())) {
                        leaks.add("line " + (n + 1) + ": name " + candidate);
                    }
                }
            }
        }
        assertThat(leaks).as("personal data in " + logFile).isEmpty();
    }
}
