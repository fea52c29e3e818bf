package vn.socialmap.security;

import java.util.Locale;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reloads the signed-in user after a change to their own account (a new password). */
@Component
public class SessionUsers {

    private final AppUserDetailsService users;

    SessionUsers(AppUserDetailsService users) {
        this.users = users;
    }

    public void refresh(String username) {
        AppUser fresh = (AppUser) users.loadUserByUsername(username.toLowerCase(Locale.ROOT));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        // The context object is the one held in the HTTP session, so the change persists.
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
