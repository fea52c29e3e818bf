package vn.socialmap.base.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: "Cầu Giấy" and "cau giay" fold to the same key.
 * Đ/đ is a letter of its own, not a base letter with a mark, so Unicode decomposition
 * leaves it alone and it is mapped explicitly.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(unmarked.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
