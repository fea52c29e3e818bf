package vn.socialmap.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SuppressionConfiguration {

    @Bean
    SmallCellSuppression smallCellSuppression(SecuritySettings settings) {
        return new SmallCellSuppression(settings.minCount());
    }
}
