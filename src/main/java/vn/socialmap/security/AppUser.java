package vn.socialmap.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security holds it: identity, role, area. */
public final class AppUser implements UserDetails {

    private final long id;
    private final String username;
    private final String displayName;
    private final String passwordHash;
    private final Role role;
    private final AccessScope scope;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    AppUser(UserAccount account, Instant now) {
        this.id = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.passwordHash = account.getPasswordHash();
        this.role = account.getRole();
        this.scope = account.scope();
        this.enabled = account.isEnabled();
        this.locked = account.isLockedAt(now);
        this.mustChangePassword = account.isMustChangePassword();
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public AccessScope scope() {
        return scope;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
