package vn.socialmap.base;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.Resource;

/** Rows of simple CSV files such as the plan appendices in gis-data (no quoted commas), header skipped. */
public final class SimpleCsv {

    private SimpleCsv() {
    }

    public static List<String[]> rows(Resource resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
