package vn.socialmap.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.socialmap.audit.Actor;

/** Counts failed logins (lockout) and records logins in the audit log. */
@Component
class LoginAttempts {

    private final UserAccountService accounts;

    LoginAttempts(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener({AuthenticationFailureBadCredentialsEvent.class, AuthenticationFailureLockedEvent.class})
    void failed(AbstractAuthenticationFailureEvent event) {
        accounts.recordFailedLogin(String.valueOf(event.getAuthentication().getName()), CurrentUser.clientAddress());
    }

    /** Every authenticated API call raises this; only a change of state is written. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUser user) {
            accounts.recordSuccessfulLogin(user.getUsername(), actor(user), false);
        }
    }

    /** Form logins: recorded in the audit log. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUser user) {
            accounts.recordSuccessfulLogin(user.getUsername(), actor(user), true);
        }
    }

    private static Actor actor(AppUser user) {
        return new Actor(user.getUsername(), user.role().name(), user.scope().label(), CurrentUser.clientAddress());
    }
}
