package vn.socialmap.base.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Reads enum request parameters: by the constant's name or its {@link ApiValue}, ignoring case
 * and treating '-' and '_' alike; a blank value is absent. Replaces Spring's exact-name reading.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ApiEnumConverterFactory implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
        Class<?> type = targetType;
        while (type != null && !type.isEnum()) {
            type = type.getSuperclass();
        }
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        return source -> (T) read(enumType, source);
    }

    static <E extends Enum> E read(Class<E> type, String source) {
        String wanted = normal(source);
        if (wanted.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (normal(constant.name()).equals(wanted) || normal(spelling(constant)).equals(wanted)) {
                return constant;
            }
        }
        throw new UnreadableValueException(expected(type), source);
    }

    /** "one of city, district, facility" in the API's spelling. */
    static String expected(Class<? extends Enum> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> spelling((Enum) c)).collect(Collectors.joining(", "));
    }

    static String spelling(Enum<?> constant) {
        return constant instanceof ApiValue v ? v.apiValue() : constant.name();
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
