package vn.socialmap.security;

import java.io.BufferedReader;
import java.time.LocalDate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;

/**
 * Accounts that exist before anyone can sign in. In demo mode: {@code admin},
 * {@code leader}, {@code planner}, {@code district-<code>} for every former district and
 * {@code commune-<code>} for every commune of today of the provinces with history (Hà Nội,
 * Đà Nẵng) and for every commune of the last structure with districts whose code no commune of
 * today carries (officers of a former commune), and {@code facility-<n>} for each public rehab facility of Plan 78 and {@code facility-pc04-<n>} for each of
 * the police's since 01/03/2025, all with password
 * {@code demo}. Outside demo mode: only the first admin from
 * the settings, who must change the password at first login.
 */
@Component
class AccountBootstrap implements ApplicationListener<GeographyReady> {

    static final String DEMO_PASSWORD = "demo";
    /** Hà Nội police's rehab facilities since 01/03/2025 (codes PC04-1..4). */
    static final int POLICE_FACILITIES = 4;
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final UserAccountService accounts;
    private final UserAccountRepository repository;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final PasswordEncoder passwords;
    private final SecuritySettings settings;
    private final TransactionTemplate transaction;
    private final boolean demo;
    private final Resource facilities;

    AccountBootstrap(UserAccountService accounts, UserAccountRepository repository, AdminUnitService units,
                     AdminStructures structures,
                     PasswordEncoder passwords, SecuritySettings settings, TransactionTemplate transaction,
                     @Value("${socialmap.demo.enabled:false}") boolean demo,
                     @Value("${socialmap.demo.public-facilities:classpath:gis-data/hanoi-plan78-2022-facility-targets.csv}") Resource facilities) {
        this.accounts = accounts;
        this.repository = repository;
        this.units = units;
        this.structures = structures;
        this.passwords = passwords;
        this.settings = settings;
        this.transaction = transaction;
        this.demo = demo;
        this.facilities = facilities;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        transaction.executeWithoutResult(status -> {
            if (demo) {
                createDemoAccounts();
            } else {
                createInitialAdmin();
            }
        });
    }

    private void createDemoAccounts() {
        // One hash for all: bcrypt is slow by design and there are hundreds of demo accounts.
        String hash = passwords.encode(DEMO_PASSWORD);
        int created = 0;
        created += demoAccount("admin", "Quản trị hệ thống", hash, Role.ADMIN, null, null, null);
        created += demoAccount("leader", "Lãnh đạo thành phố", hash, Role.CITY_LEADER, AreaType.PROVINCE, null, "01");
        created += demoAccount("planner", "Cán bộ kế hoạch", hash, Role.PLANNER, AreaType.PROVINCE, null, "01");
        // the drug-crime division of each city's police (PC04), which runs rehab since 1 March 2025
        created += demoAccount("police-01", "Phòng Cảnh sát điều tra tội phạm về ma túy, Công an TP Hà Nội", hash,
                Role.PROVINCIAL_POLICE, AreaType.PROVINCE, null, "01");
        created += demoAccount("police-48", "Phòng Cảnh sát điều tra tội phạm về ma túy, Công an TP Đà Nẵng", hash,
                Role.PROVINCIAL_POLICE, AreaType.PROVINCE, null, "48");
        AdminStructure today = structures.current();
        AdminStructure districts = structures.lastWithDistricts().orElse(null);
        for (AdminUnit province : units.provinces()) {
            // the provinces with history (Hà Nội, Đà Nẵng): officers of their former districts and today's communes
            if (districts == null || !units.structuresOf(province.getCode()).contains(districts)) {
                continue;
            }
            LocalDate then = structures.dayWithin(districts, structures.today());
            for (AdminUnit district : units.byLevel(province.getCode(), AdminLevel.DISTRICT, then)) {
                created += demoAccount("district-" + district.getCode(), "Cán bộ " + district.getName(), hash,
                        Role.DISTRICT_OFFICER, AreaType.DISTRICT, districts.code(), district.getCode());
            }
            java.util.Set<String> todays = new java.util.HashSet<>();
            for (AdminUnit commune : units.byLevel(province.getCode(), AdminLevel.COMMUNE)) {
                todays.add(commune.getCode());
                created += demoAccount("commune-" + commune.getCode(), "Cán bộ " + commune.getName(), hash,
                        Role.COMMUNE_OFFICER, AreaType.COMMUNE, today.code(), commune.getCode());
            }
            // earlier commune accounts whose code no commune of today carries (commune-00001, Phúc Xá) keep
            // their former commune, as the district accounts keep theirs
            for (AdminUnit commune : units.byLevel(province.getCode(), AdminLevel.COMMUNE, then)) {
                if (!todays.contains(commune.getCode())) {
                    created += demoAccount("commune-" + commune.getCode(), "Cán bộ " + commune.getName(), hash,
                            Role.COMMUNE_OFFICER, AreaType.COMMUNE, districts.code(), commune.getCode());
                }
            }
        }
        for (int n = 1; n <= publicFacilityCount(); n++) {
            created += demoAccount("facility-" + n, "Cán bộ Cơ sở cai nghiện ma túy số " + n, hash,
                    Role.FACILITY_OFFICER, AreaType.FACILITY, null, String.valueOf(n));
        }
        // issue 19: the officers of Hà Nội police's 4 facilities, formed on 01/03/2025 from the 7 above (whose
        // accounts keep reading their former facility's people)
        for (int n = 1; n <= POLICE_FACILITIES; n++) {
            created += demoAccount("facility-pc04-" + n, "Cán bộ Cơ sở cai nghiện ma túy số " + n + " Hà Nội (Công an TP)", hash,
                    Role.FACILITY_OFFICER, AreaType.FACILITY, null, FacilityArea.POLICE_PREFIX + n);
        }
        if (created > 0) {
            log.info("Demo mode: created or updated {} demo accounts (password '{}')", created, DEMO_PASSWORD);
        }
    }

    /** Creates a demo account, or points an existing one at the area its name now means (commune-00004: Phường Ba Đình). */
    private int demoAccount(String username, String name, String hash, Role role, AreaType type, String structure, String code) {
        var existing = repository.findByUsername(username);
        if (existing.isPresent()) {
            UserAccount account = existing.get();
            if (account.isDemo() && !java.util.Objects.equals(account.getAreaStructure(), structure)) {
                account.assign(name, role, type, structure, code, java.time.Instant.now());
                return 1;
            }
            return 0;
        }
        accounts.createSystemAccount(username, name, hash, role, type, structure, code, false, true);
        return 1;
    }

    private int publicFacilityCount() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(facilities.getInputStream(), StandardCharsets.UTF_8))) {
            return (int) reader.lines().skip(1).filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createInitialAdmin() {
        String username = settings.initialAdminUsername();
        String password = settings.initialAdminPassword();
        if (accounts.adminExists()) {
            return;
        }
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            log.warn("No administrator exists. Set SOCIALMAP_ADMIN_USERNAME and SOCIALMAP_ADMIN_PASSWORD and restart "
                    + "to create the first one (the password must be changed at first login).");
            return;
        }
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!UserAccountService.USERNAME.matcher(name).matches() || password.length() < UserAccountService.MIN_PASSWORD) {
            throw new IllegalStateException("SOCIALMAP_ADMIN_USERNAME must be 3-64 of a-z 0-9 . _ - and "
                    + "SOCIALMAP_ADMIN_PASSWORD at least " + UserAccountService.MIN_PASSWORD + " characters");
        }
        accounts.createSystemAccount(name, "Quản trị hệ thống", passwords.encode(password), Role.ADMIN, null, null, null, true, false);
        log.info("Created the first administrator '{}'; the password must be changed at first login", name);
    }
}
