package vn.socialmap.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void removesTonesAndVowelMarks() {
        assertThat(VietnameseText.fold("Cầu Giấy")).isEqualTo("cau giay");
        assertThat(VietnameseText.fold("Phường Phúc Xá")).isEqualTo("phuong phuc xa");
        assertThat(VietnameseText.fold("Ứng Hòa")).isEqualTo("ung hoa");
        assertThat(VietnameseText.fold("Thị trấn Quốc Oai")).isEqualTo("thi tran quoc oai");
    }

    @Test
    void mapsDToD() {
        assertThat(VietnameseText.fold("Đống Đa")).isEqualTo("dong da");
        assertThat(VietnameseText.fold("ĐÀ NẴNG")).isEqualTo("da nang");
    }

    @Test
    void foldsPrecomposedAndDecomposedInputAlike() {
        String decomposed = java.text.Normalizer.normalize("Hoàn Kiếm", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Hoàn Kiếm")).isEqualTo("hoan kiem");
    }

    @Test
    void normalisesSpacesAndNull() {
        assertThat(VietnameseText.fold("  Ba   Đình ")).isEqualTo("ba dinh");
        assertThat(VietnameseText.fold(null)).isEmpty();
    }
}
