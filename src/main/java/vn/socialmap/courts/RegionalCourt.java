package vn.socialmap.courts;

/**
 * A regional People's Court.
 *
 * @param code         e.g. {@code HN-KV1}
 * @param name         e.g. "Tòa án nhân dân khu vực 1 - Hà Nội"
 * @param provinceCode GSO code of its province
 * @param source       where the court (and its name) comes from
 */
public record RegionalCourt(String code, String name, String provinceCode, String source) {
}
