package vn.socialmap.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.Actor;
import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.UnitRef;

/** Creates and changes users; every change is audited. */
@Service
@Transactional
public class UserAccountService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 8;
    static final String RECORD_TYPE = "user";

    private final UserAccountRepository repository;
    private final PasswordEncoder passwords;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;
    private final LoginLock lock;

    UserAccountService(UserAccountRepository repository, PasswordEncoder passwords, AdminUnitService units, AdminStructures structures,
                       AuditLog audit, SecuritySettings settings, Clock clock, LoginLock lock) {
        this.lock = lock;
        this.repository = repository;
        this.passwords = passwords;
        this.units = units;
        this.structures = structures;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** What an admin enters for a user. */
    public record UserForm(String username, String displayName, Role role, AreaType areaType, String areaCode) {
    }

    @Transactional(readOnly = true)
    public List<UserAccount> findAll() {
        return repository.findAll(org.springframework.data.domain.Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return repository.findByUsername(username);
    }

    public UserAccount create(UserForm form, String initialPassword) {
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new ValidationException("username", "user.error.username");
        }
        if (repository.existsByUsername(username)) {
            throw new ValidationException("username", "user.error.username.taken", username);
        }
        checkPassword(username, initialPassword);
        checkAssignment(form);
        UserAccount account = new UserAccount(username, displayName(form), passwords.encode(initialPassword),
                form.role(), form.role().areaType(), areaStructure(form), area(form), clock.instant());
        account.setPassword(account.getPasswordHash(), true, clock.instant());
        repository.save(account);
        audit.record(AuditAction.USER_CREATED, RECORD_TYPE, List.of(username), null,
                "role=" + form.role() + " area=" + account.areaLabel());
        return account;
    }

    public UserAccount update(String username, UserForm form, long expectedVersion) {
        UserAccount account = load(username);
        if (account.getVersion() != expectedVersion) {
            throw new ValidationException(null, "user.error.concurrent", username);
        }
        checkAssignment(form);
        String before = "role=" + account.getRole() + " area=" + account.areaLabel() + " name=" + account.getDisplayName();
        account.assign(displayName(form), form.role(), form.role().areaType(), areaStructure(form), area(form), clock.instant());
        audit.record(AuditAction.USER_CHANGED, RECORD_TYPE, List.of(username), null,
                before + " -> role=" + account.getRole() + " area=" + account.areaLabel() + " name=" + account.getDisplayName());
        return account;
    }

    public void setEnabled(String username, boolean enabled) {
        UserAccount account = load(username);
        account.setEnabled(enabled, clock.instant());
        audit.record(enabled ? AuditAction.USER_CHANGED : AuditAction.USER_DISABLED, RECORD_TYPE, List.of(username),
                null, enabled ? "enabled" : "disabled");
    }

    /** An admin sets a temporary password; the user must change it at next login. */
    public void resetPassword(String username, String temporaryPassword) {
        UserAccount account = load(username);
        checkPassword(username, temporaryPassword);
        account.setPassword(passwords.encode(temporaryPassword), true, clock.instant());
        audit.record(AuditAction.PASSWORD_RESET, RECORD_TYPE, List.of(username));
    }

    /** The user changes their own password, knowing the current one. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = load(username);
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, account.getPasswordHash())) {
            throw new ValidationException("currentPassword", "password.error.current");
        }
        checkPassword(username, newPassword);
        if (passwords.matches(newPassword, account.getPasswordHash())) {
            throw new ValidationException("newPassword", "password.error.same");
        }
        account.setPassword(passwords.encode(newPassword), false, clock.instant());
        audit.record(AuditAction.PASSWORD_CHANGED, RECORD_TYPE, List.of(username));
    }

    /**
     * Counts a failed login and locks the account after too many; while it is locked nothing is
     * counted, but every attempt is recorded. Its own transaction: the login itself fails.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailedLogin(String typedUsername, String clientAddress) {
        String username = typedUsername == null ? "" : typedUsername.strip().toLowerCase(java.util.Locale.ROOT);
        String clipped = username.length() > 64 ? username.substring(0, 64) : username;
        Actor actor = new Actor(clipped.isEmpty() ? "-" : clipped, null, null, clientAddress);
        boolean known = repository.findByUsername(username).isPresent();
        java.time.Instant now = clock.instant();
        boolean locked = known && lock.lockedNow(username, now);
        audit.record(actor, AuditAction.LOGIN_FAILED, RECORD_TYPE, known ? List.of(username) : List.of(),
                null, !known ? "unknown user" : locked ? "account locked" : null);
        java.time.Instant until = now.plus(settings.lockout());
        if (known && !locked && lock.countFailure(username, settings.maxFailedLogins(), now, until)) {
            audit.record(actor, AuditAction.LOCKED_OUT, RECORD_TYPE, List.of(username), null, "locked until " + until);
        }
    }

    /** Whether the account is locked now, read from the database (a sign-in's loaded copy may be older). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean lockedNow(String username) {
        return lock.lockedNow(username, clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccessfulLogin(String username, Actor actor, boolean interactive) {
        lock.clearAfterSuccess(username, clock.instant());
        if (interactive) {
            audit.record(actor, AuditAction.LOGIN, RECORD_TYPE, List.of(username), null, null);
        }
    }

    /** Creates a user without checks or audit; for demo accounts and the first admin, at start-up. */
    UserAccount createSystemAccount(String username, String displayName, String passwordHash, Role role,
                                    AreaType areaType, String areaStructure, String areaCode, boolean mustChange, boolean demo) {
        UserAccount account = new UserAccount(username, displayName, passwordHash, role, areaType, areaStructure, areaCode,
                clock.instant());
        account.setPassword(passwordHash, mustChange, clock.instant());
        if (demo) {
            account.markDemo();
        }
        return repository.save(account);
    }

    boolean adminExists() {
        return repository.existsByRole(Role.ADMIN);
    }

    private UserAccount load(String username) {
        return repository.findByUsername(username)
                .orElseThrow(() -> new ValidationException("username", "user.error.unknown", username));
    }

    private static String displayName(UserForm form) {
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("displayName", "user.error.displayName");
        }
        return name;
    }

    /**
     * District officers keep the districts of the last structure that had them (their 2022-2025
     * work stays readable); commune officers are of today's communes.
     */
    private String areaStructure(UserForm form) {
        AreaType type = form.role().areaType();
        if (type == AreaType.DISTRICT) {
            return structures.lastWithDistricts().map(AdminStructure::code).orElse(null);
        }
        return type == AreaType.COMMUNE ? structures.current().code() : null;
    }

    private static String area(UserForm form) {
        return form.role() == Role.ADMIN || form.areaCode() == null ? null : form.areaCode().strip();
    }

    private void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new ValidationException("password", "password.error.length", MIN_PASSWORD);
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
            throw new ValidationException("password", "password.error.username");
        }
    }

    private void checkAssignment(UserForm form) {
        if (form.role() == null) {
            throw new ValidationException("role", "user.error.role");
        }
        AreaType expected = form.role().areaType();
        if (expected == null) {
            return;
        }
        String code = area(form);
        if (code == null || code.isEmpty()) {
            throw new ValidationException("areaCode", "user.error.area.required");
        }
        if (expected == AreaType.FACILITY) {
            if (!FacilityArea.valid(code)) {
                throw new ValidationException("areaCode", "user.error.area.facility", code);
            }
            return;
        }
        AdminLevel level = AdminLevel.valueOf(expected.name());
        String structure = areaStructure(form);
        AdminUnit unit = (structure == null ? units.find(code) : units.find(new UnitRef(structure, code)))
                .orElseThrow(() -> new ValidationException("areaCode", "user.error.area.unknown", code));
        if (unit.getLevel() != level) {
            throw new ValidationException("areaCode", "user.error.area.level", code);
        }
    }
}
