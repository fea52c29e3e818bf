package vn.socialmap.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;

import vn.socialmap.base.text.VietnameseText;

/**
 * Reads the current administrative units: the entry point of the geography module. Not
 * transactional as a whole: most answers come from memory, and a screen asks dozens of
 * times; each repository read runs on its own.
 */
@Service
public class AdminUnitService {

    private final AdminUnitRepository repository;
    /**
     * The lists every map screen asks for, shapes included, until a unit changes: the
     * application never modifies a unit entity it has read (changes are written with SQL and
     * change the version), so the same instances can serve every user.
     */
    private final RecentAnswers<List<AdminUnit>> lists;
    private final RecentAnswers<java.util.Map<String, Long>> counts;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AdminUnitService(AdminUnitRepository repository, AnswerCaches caches, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.lists = caches.create(512);
        this.counts = caches.create(128);
    }

    public List<AdminUnit> provinces() {
        return cached("provinces", () -> List.copyOf(repository.findCurrentProvinces()));
    }

    public Optional<AdminUnit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return cached("code|" + code, () -> repository.findCurrent(code).map(List::of).orElse(List.<AdminUnit>of()))
                .stream().findFirst();
    }

    public List<AdminUnit> byLevel(String provinceCode, AdminLevel level) {
        return cached("level|" + provinceCode + "|" + level, () -> List.copyOf(repository.findCurrentByLevel(provinceCode, level)));
    }

    /** How many current children each unit of a level has in a province (communes per district), for popups. */
    public java.util.Map<String, Long> childCounts(String provinceCode, AdminLevel level) {
        AdminLevel childLevel = level.child().orElse(null);
        if (childLevel == null) {
            return java.util.Map.of();
        }
        return cached(counts, "children-per|" + provinceCode + "|" + level, () -> {
            java.util.Map<String, Long> perParent = new java.util.HashMap<>();
            repository.countCurrentByParent(provinceCode, childLevel).forEach(r -> perParent.put((String) r[0], (Long) r[1]));
            return java.util.Map.copyOf(perParent);
        });
    }

    /** Whether a code names a current province, without loading its shape (request checks). */
    public boolean isProvince(String code) {
        return code != null && repository.existsCurrent(code, AdminLevel.PROVINCE);
    }

    /**
     * Changes with every write to the units (a trigger counts them, V11): a key for caches of
     * units and shapes. One row read with plain JDBC: screens ask for it many times.
     */
    public long version() {
        return jdbc.sql("select n from admin_unit_version").query(Long.class).single();
    }

    /** A unit's code and name, for tables that need no shape. */
    public record Label(String code, String name) {
    }

    /** Codes and names of the current units of a level in a province, or in the country when it is null. */
    public List<Label> labels(String provinceCode, AdminLevel level) {
        return provinceCode == null ? repository.findLabelsNationally(level) : repository.findLabels(provinceCode, level);
    }

    /**
     * From the cache, except inside a transaction that may write: what it reads could be its
     * own uncommitted units, which a rollback would leave in the cache under a version that
     * a later write reuses.
     */
    private List<AdminUnit> cached(String key, java.util.function.Supplier<List<AdminUnit>> read) {
        return cached(lists, key, read);
    }

    private <T> T cached(RecentAnswers<T> cache, String key, java.util.function.Supplier<T> read) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                && !org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read.get();
        }
        return cache.get(key + "|" + version(), read);
    }

    /** Every current unit of a level in the country. */
    public List<AdminUnit> nationally(AdminLevel level) {
        return repository.findCurrentByLevelNationally(level);
    }

    public List<AdminUnit> children(String parentCode) {
        return cached("children|" + parentCode, () -> List.copyOf(repository.findCurrentChildren(parentCode)));
    }

    /**
     * Units of {@code level} under {@code ancestor} (any level above): the communes of a
     * province are the communes of all its districts.
     */
    public List<AdminUnit> descendants(AdminUnit ancestor, AdminLevel level) {
        if (ancestor.getLevel() == AdminLevel.PROVINCE) {
            return byLevel(ancestor.getCode(), level);
        }
        if (ancestor.getLevel().child().orElse(null) == level) {
            return children(ancestor.getCode());
        }
        return List.of();
    }

    /** Districts and communes whose name contains the query, ignoring case and diacritics; districts first. */
    public List<AdminUnit> search(String provinceCode, String query, int limit) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        String pattern = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<AdminUnit> found = new ArrayList<>(repository.searchCurrent(provinceCode, pattern, Limit.of(limit)));
        found.sort(Comparator.comparing(AdminUnit::getLevel).thenComparing(u -> VietnameseText.fold(u.getName())));
        return found;
    }

    /** The unit and its ancestors, province first. */
    public List<AdminUnit> path(AdminUnit unit) {
        List<AdminUnit> path = new ArrayList<>();
        for (AdminUnit u = unit; u != null; u = find(u.getParentCode()).orElse(null)) {
            path.addFirst(u);
        }
        return path;
    }

    /** Whether the point (WGS84) lies in the unit's current shape, boundary included. */
    public boolean covers(String code, double longitude, double latitude) {
        return repository.covers(code, longitude, latitude);
    }
}
