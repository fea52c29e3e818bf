package vn.socialmap.security;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppUserDetailsService implements UserDetailsService {

    private final UserAccountRepository repository;
    private final Clock clock;

    AppUserDetailsService(UserAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .map(a -> new AppUser(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
