package vn.socialmap.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets the algorithm change without a reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords checked against the stored users; after a correct one the lock is read again, so
     * that a sign-in that loaded the account before a burst of failures locked it is refused too.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AppUserDetailsService users, PasswordEncoder passwords,
                                                     UserAccountService accounts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setPostAuthenticationChecks(user -> {
            if (accounts.lockedNow(user.getUsername())) {
                throw new LockedException("Account locked");
            }
        });
        return provider;
    }
}
