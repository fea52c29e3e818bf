package vn.socialmap.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets the algorithm change without a reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SmallCellSuppression smallCellSuppression(SecuritySettings settings) {
        return new SmallCellSuppression(settings.minCount());
    }
}
