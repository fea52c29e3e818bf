package vn.socialmap.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.ui.chart.BarChart.Point;
import vn.socialmap.base.ui.chart.BarChart.Series;

class BarChartTest {

    @Test
    void aPointWithoutAValueIsEchartsEmptyValue() {
        BarChart chart = chart(BarChart.Orientation.HORIZONTAL, List.of("A", "B"),
                List.of(new Point(12.5, "12,5%"), Point.hidden()));

        Map<String, Object> option = chart.option();
        assertThat(series(option).get("data")).isEqualTo(List.of(
                Map.of("value", 12.5, "label", Map.of("show", true, "formatter", "12,5%")), "-"));
        // horizontal: the categories on the y axis, the first at the top
        assertThat(option.get("yAxis")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("type", "category").containsEntry("inverse", true);
        assertThat(option.get("xAxis")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("smFormat", "percent");
        assertThat(option).containsEntry("smTooltips", List.of("a", "b")).containsEntry("animation", false);
        assertThat(BarChart.shownPoints(chart.series().getFirst())).isEqualTo(1);
    }

    @Test
    void manyCategoriesCarryNoLabelsAndABraceIsNotATemplate() {
        int many = BarChart.MOST_LABELLED + 1;
        BarChart crowded = chart(BarChart.Orientation.VERTICAL, Collections.nCopies(many, "m"),
                Collections.nCopies(many, new Point(1.0, "1")));
        assertThat(series(crowded.option()).get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .allMatch(d -> d.equals(Map.of("value", 1.0)));

        BarChart braces = chart(BarChart.Orientation.VERTICAL, List.of("m"), List.of(new Point(1.0, "{a}")));
        assertThat(series(braces.option()).get("data")).isEqualTo(
                List.of(Map.of("value", 1.0, "label", Map.of("show", true, "formatter", "(a)"))));
    }

    @Test
    void aSeriesMustHaveAPointForEveryCategory() {
        assertThatThrownBy(() -> chart(BarChart.Orientation.VERTICAL, List.of("A", "B"), List.of(new Point(1.0, "1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BarChart chart(BarChart.Orientation orientation, List<String> categories, List<Point> points) {
        List<String> tooltips = categories.size() == 2 ? List.of("a", "b") : Collections.nCopies(categories.size(), "t");
        return new BarChart(orientation, categories, new BarChart.ValueAxis("%", BarChart.Format.PERCENT, null),
                List.of(new Series("Thực hiện", BarChart.Style.FILLED, points)), tooltips, "d");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> option) {
        return (Map<String, Object>) ((List<?>) option.get("series")).getFirst();
    }
}
