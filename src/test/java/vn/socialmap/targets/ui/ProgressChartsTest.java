package vn.socialmap.targets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.targets.NationalProgress.IndicatorTotal;
import vn.socialmap.targets.NationalProgress.ProvinceProgress;
import vn.socialmap.targets.PlanModel;
import vn.socialmap.targets.ProgressService;
import vn.socialmap.targets.ProgressService.Row;
import vn.socialmap.targets.ProgressService.Status;

/** The progress charts draw what the tables show, in Vietnamese, and nothing the tables hide. */
class ProgressChartsTest {

    private final Translations translations = new Translations();
    private final ProgressCharts charts = new ProgressCharts(
            (key, arguments) -> translations.getTranslation(key, Translations.VIETNAMESE, arguments), 5);

    @Test
    void aCountTheTableHidesDrawsNoBarAndSaysWhy() {
        var drawing = charts.againstTarget(List.of(
                new Row("01", "Hà Nội", "ADMISSIONS", "Tiếp nhận cai nghiện bắt buộc", 3050.0, 1482L, 48.6, Status.AHEAD),
                new Row("01", "Hà Nội", "RELAPSE", "Số người tái nghiện", 40.0, null, null, null)));

        List<Object> actual = data(drawing.chart().option(), 0);
        assertThat(actual.get(0)).isEqualTo(Map.of("value", 48.6, "label", Map.of("show", true, "formatter", "48,6%")));
        assertThat(actual.get(1)).isEqualTo("-");
        // the target's outline is still there: the reader sees a target without a figure
        assertThat(data(drawing.chart().option(), 1)).containsExactly(Map.of("value", 100.0), Map.of("value", 100.0));
        assertThat(drawing.unpublished()).containsExactly("Số người tái nghiện");
        assertThat(drawing.chart().tooltips().get(1)).contains("Kế hoạch: 40").contains("dưới 5").contains("không vẽ cột");
        assertThat(drawing.chart().tooltips().get(0)).contains("Thực hiện: 1.482 (48,6% kế hoạch)").contains("Vượt tiến độ");
        assertThat(drawing.chart().series()).extracting(s -> s.name()).containsExactly("Thực hiện", "Kế hoạch");
    }

    @Test
    void aShareIsDrawnAgainstTheShareSet() {
        var drawing = charts.againstTarget(List.of(
                new Row("01", "Hà Nội", "SERVICES", "Tỷ lệ người được tiếp cận dịch vụ", 80.0, 22L, null, Status.BEHIND, 22.0)));

        assertThat(data(drawing.chart().option(), 0)).containsExactly(
                Map.of("value", 22.0, "label", Map.of("show", true, "formatter", "22,0%")));
        assertThat(data(drawing.chart().option(), 1)).containsExactly(Map.of("value", 80.0));
        assertThat(drawing.chart().tooltips().getFirst()).contains("Kế hoạch: trên 80%").contains("Thực hiện: 22,0%");
        assertThat(drawing.unpublished()).isEmpty();
    }

    @Test
    void theTrendWritesMonthsAndCountsTheVietnameseWay() {
        var drawing = charts.trend("Tiếp nhận", List.of(
                new ProgressService.MonthActual(LocalDate.of(2022, 1, 1), 1234),
                new ProgressService.MonthActual(LocalDate.of(2022, 2, 1), 7)), null);

        assertThat(drawing.chart().categories()).containsExactly("01/2022", "02/2022");
        assertThat(data(drawing.chart().option(), 0)).containsExactly(
                Map.of("value", 1234.0, "label", Map.of("show", true, "formatter", "1.234")),
                Map.of("value", 7.0, "label", Map.of("show", true, "formatter", "7")));
        assertThat(drawing.chart().description()).contains("Tiếp nhận").contains("01/2022").contains("02/2022");
    }

    @Test
    void aSharesTrendReadsAsPercentsAgainstTheShareSet() {
        var city = new Row("01", "Hà Nội", "REACHED_SERVICES", "Tiếp cận dịch vụ (trên 80%)", 80.0, 26L, null, Status.BEHIND, 26.0);
        var drawing = charts.trend("Tiếp cận dịch vụ (trên 80%)", List.of(
                new ProgressService.MonthActual(LocalDate.of(2023, 1, 1), 3),
                new ProgressService.MonthActual(LocalDate.of(2023, 2, 1), 26)), city);

        assertThat(data(drawing.chart().option(), 0)).containsExactly(
                Map.of("value", 3.0, "label", Map.of("show", true, "formatter", "3%")),
                Map.of("value", 26.0, "label", Map.of("show", true, "formatter", "26%")));
        // the share set, every month, as the chart of the targets draws it
        assertThat(drawing.chart().series()).extracting(s -> s.name()).containsExactly("Thực hiện", "Kế hoạch");
        assertThat(data(drawing.chart().option(), 1)).containsExactly(Map.of("value", 80.0), Map.of("value", 80.0));
        assertThat(drawing.chart().valueAxis().format()).isEqualTo(vn.socialmap.base.ui.chart.BarChart.Format.PERCENT);
        assertThat(drawing.chart().tooltips().get(1)).contains("Thực hiện: 26%").contains("Kế hoạch: trên 80%");
    }

    @Test
    void theNationalChartMarksTheExpectedProgress() {
        var drawing = charts.national(List.of(new IndicatorTotal("ADMISSIONS", "Tiếp nhận", PlanModel.Unit.PEOPLE, 2, 5000,
                2500L, 50.0, 62.5, Status.BEHIND, 0, 0, 2)));

        assertThat(drawing.chart().series()).extracting(s -> s.name())
                .containsExactly("Thực hiện", "Kế hoạch", "Tiến độ yêu cầu");
        assertThat(data(drawing.chart().option(), 2)).containsExactly(Map.of("value", 62.5));
        assertThat(drawing.chart().tooltips().getFirst()).contains("Kế hoạch: 5.000").contains("2.500 (50,0% kế hoạch)")
                .contains("Tiến độ yêu cầu: 62,5%");
    }

    @Test
    void aProvinceWhoseCountIsNotPublishedHasNoBar() {
        var indicator = new IndicatorTotal("ADMISSIONS", "Tiếp nhận", PlanModel.Unit.PEOPLE, 2, 1000, 600L, 60.0, 50.0,
                Status.AHEAD, 1, 0, 0);
        var drawing = charts.provinces(indicator, List.of(
                new ProvinceProgress("01", "Thành phố Hà Nội", 1, "78/KH-UBND", "ADMISSIONS", 900, 600L, 66.7, Status.AHEAD),
                new ProvinceProgress("48", "Thành phố Đà Nẵng", 2, "117/KH-UBND", "ADMISSIONS", 100, null, null, null)));

        assertThat(data(drawing.chart().option(), 0)).element(1).isEqualTo("-");
        assertThat(drawing.unpublished()).containsExactly("Thành phố Đà Nẵng");
        assertThat(drawing.chart().tooltips().get(1)).contains("117/KH-UBND").contains("dưới 5");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> data(Map<String, Object> option, int series) {
        return (List<Object>) ((Map<String, Object>) ((List<?>) option.get("series")).get(series)).get("data");
    }
}
