package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.ValidationException;

class NationalIdTest {

    private static void refused(String id, LocalDate birth, Sex sex, String key) {
        assertThatThrownBy(() -> NationalId.check(id, birth, sex)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(key);
    }

    @Test
    void acceptsAConsistentNumber() {
        assertThatCode(() -> NationalId.check("001090012345", LocalDate.of(1990, 3, 1), Sex.MALE)).doesNotThrowAnyException();
        assertThatCode(() -> NationalId.check("048301012345", LocalDate.of(2001, 3, 1), Sex.FEMALE)).doesNotThrowAnyException();
        assertThatCode(() -> NationalId.check(NationalId.make("79", LocalDate.of(1985, 1, 1), Sex.FEMALE, 42),
                LocalDate.of(1985, 1, 1), Sex.FEMALE)).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatDoesNotAgree() {
        LocalDate birth = LocalDate.of(1990, 3, 1);
        refused("00109001234", birth, Sex.MALE, "person.error.nationalId.format");
        refused("00109001234x", birth, Sex.MALE, "person.error.nationalId.format");
        refused("003090012345", birth, Sex.MALE, "person.error.nationalId.province");
        refused("101090012345", birth, Sex.MALE, "person.error.nationalId.province");
        refused("001190012345", birth, Sex.MALE, "person.error.nationalId.sexCentury");
        refused("001290012345", birth, Sex.MALE, "person.error.nationalId.sexCentury");
        refused("001091012345", birth, Sex.MALE, "person.error.nationalId.year");
    }
}
