package vn.socialmap.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

/** Reads the GSO unit list CSV ({@code level,code,name,type,parent_code}) as shipped in gis-data. */
class UnitListReader {

    record UnitRow(AdminLevel level, String code, String name, String type, String parentCode) {
    }

    List<UnitRow> read(Resource resource) throws IOException {
        List<UnitRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("level,code,name,type,parent_code")) {
                throw new IOException(resource.getDescription() + ": unexpected header " + header);
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 5) {
                    throw new IOException(resource.getDescription() + " line " + number + ": expected 5 fields");
                }
                AdminLevel level = switch (f[0].strip()) {
                    case "city", "province" -> AdminLevel.PROVINCE;
                    case "district" -> AdminLevel.DISTRICT;
                    case "commune" -> AdminLevel.COMMUNE;
                    default -> throw new IOException(resource.getDescription() + " line " + number + ": unknown level " + f[0]);
                };
                String parent = f[4].strip();
                rows.add(new UnitRow(level, f[1].strip(), f[2].strip(), f[3].strip(), parent.isEmpty() ? null : parent));
            }
        }
        return rows;
    }
}
