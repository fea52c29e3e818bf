package vn.socialmap.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user of the system with one role and one area. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(name = "area_type", length = 16)
    private AreaType areaType;

    /** The structure of a district or commune area. */
    @Column(name = "area_structure", length = 16)
    private String areaStructure;

    @Column(name = "area_code", length = 16)
    private String areaCode;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String displayName, String passwordHash, Role role, AreaType areaType,
                String areaStructure, String areaCode, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.areaType = areaType;
        this.areaStructure = areaStructure;
        this.areaCode = areaCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public AreaType getAreaType() {
        return areaType;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getAreaStructure() {
        return areaStructure;
    }

    /** The area as the access checks read it. */
    public AccessScope scope() {
        return new AccessScope(role, areaType, areaStructure, areaCode);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public boolean isDemo() {
        return demo;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    void assign(String displayName, Role role, AreaType areaType, String areaStructure, String areaCode, Instant now) {
        this.displayName = displayName;
        this.role = role;
        this.areaType = areaType;
        this.areaStructure = areaStructure;
        this.areaCode = areaCode;
        this.updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void setPassword(String passwordHash, boolean mustChange, Instant now) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChange;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    void markDemo() {
        this.demo = true;
    }

    /** "DISTRICT:2025-01/005", or null for a system-wide admin. */
    public String areaLabel() {
        return scope().label();
    }
}
