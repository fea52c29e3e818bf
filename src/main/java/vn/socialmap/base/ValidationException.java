package vn.socialmap.base;

import java.util.Arrays;

/**
 * Input refused by a rule. Carries a translation key and its arguments, so the UI shows
 * the message in the user's language and the API in English; nothing has been changed.
 */
public class ValidationException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public ValidationException(String field, String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The input field at fault, or null for the whole request. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Translation key of the legal basis the refusal rests on, or null where it rests on none. */
    public String basisKey() {
        return null;
    }

    /**
     * The message in a language, followed by its legal basis when it has one: the single place where
     * a refusal becomes text, for the screens and the API alike.
     */
    public String describe(java.util.function.BiFunction<String, Object[], String> translate) {
        String message = translate.apply(messageKey, arguments.clone());
        String basis = basisKey();
        return basis == null ? message : message + " " + translate.apply("rule.basis", new Object[] {translate.apply(basis, new Object[0])});
    }
}
