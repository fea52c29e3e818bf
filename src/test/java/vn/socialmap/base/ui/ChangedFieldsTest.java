package vn.socialmap.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ChangedFieldsTest {

    @Test
    void onlyFieldsThatDifferAreNamedWithTheirOldAndNewValues() {
        ChangedFields changes = new ChangedFields(key -> key.equals("name") ? "Họ tên" : "Ngày sinh")
                .compare("name", "Nguyễn Văn A", "Nguyễn Văn B")
                .compare("birth", LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 1))
                .compare("address", null, " ");
        assertThat(changes.isEmpty()).isFalse();
        assertThat(changes.text()).isEqualTo("Họ tên: «Nguyễn Văn A» → «Nguyễn Văn B»");
        assertThat(new ChangedFields(k -> k).compare("x", null, "").isEmpty()).isTrue();
    }
}
