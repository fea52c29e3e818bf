package vn.socialmap.geography;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;

/**
 * Reads the shipped reform tables (see gis-data/NOTICE.md): the commune mergers of January
 * 2025, the official conversion table of July 2025 and the population of today's communes.
 */
final class ReformTables {

    /** A 2022 commune and the commune it belongs to from 1 January 2025, with the evidence of the row. */
    record MergerRow(String code2022, String name2022, String districtCode, String code202501, String name202501,
                     String status, String evidence) {
    }

    /** A commune of 1 July 2025 and one unit (of 2025-01) it was formed from, whole or in part. */
    record ConversionRow(String newProvince, String newCode, String newName, String oldProvince, String oldDistrictCode,
                         String oldCode, String oldName, String mergeKind) {

        /** "Nhập một phần", "Nhập một phần diện tích, ...": only part of the old unit went in. */
        boolean partial() {
            return mergeKind.startsWith("Nhập một phần");
        }

        /** A whole old district became the unit (Huyện Hoàng Sa → Đặc khu Hoàng Sa). */
        boolean wholeDistrict() {
            return oldCode.isEmpty() && !oldDistrictCode.isEmpty();
        }
    }

    /** Population and area of a commune of today's structure; population null where the source gives none. */
    record PopulationRow(String code, String provinceCode, Integer population, Double areaKm2) {
    }

    private ReformTables() {
    }

    static List<MergerRow> mergers(Resource resource) throws IOException {
        List<MergerRow> rows = new ArrayList<>();
        for (CSVRecord r : records(resource)) {
            rows.add(new MergerRow(r.get("code_2022"), r.get("name_2022"), r.get("district_code"), r.get("code_2025_01"),
                    r.get("name_2025_01"), r.get("status"), r.get("evidence")));
        }
        return rows;
    }

    static List<ConversionRow> conversions(Resource resource) throws IOException {
        List<ConversionRow> rows = new ArrayList<>();
        for (CSVRecord r : records(resource)) {
            rows.add(new ConversionRow(r.get("new_province"), r.get("new_commune_code"), r.get("new_commune_name"),
                    r.get("old_province"), r.get("old_district_code"), r.get("old_commune_code"), r.get("old_commune_name"),
                    r.get("merge_kind")));
        }
        return rows;
    }

    /** Reads both population files: the city ones (no province column) and the national one. */
    static List<PopulationRow> population(Resource resource, String provinceCode) throws IOException {
        List<PopulationRow> rows = new ArrayList<>();
        for (CSVRecord r : records(resource)) {
            String province = r.isMapped("province_code") ? r.get("province_code") : provinceCode;
            rows.add(new PopulationRow(r.get("code"), province, integer(r.get("population")), decimal(r.get("area_km2"))));
        }
        return rows;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            // "đang cập nhật" (being updated): no figure
            return null;
        }
    }

    private static Double decimal(String text) {
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<CSVRecord> records(Resource resource) throws IOException {
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
