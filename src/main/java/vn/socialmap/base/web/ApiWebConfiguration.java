package vn.socialmap.base.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the API reads requests: enum parameters by their API spelling in any case, only declared
 * query parameters. Dates are ISO (spring.mvc.format.date); ranges are Bean Validation
 * constraints on the parameters; {@link ApiProblemHandler} answers every refusal.
 */
@Configuration
class ApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ApiEnumConverterFactory());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/**");
    }
}
