package vn.socialmap.targets.ui;

import java.util.function.Function;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import vn.socialmap.targets.ProgressService;

/** The cells progress tables share: a bar of the percent achieved and the status in its colour. */
final class ProgressCells {

    private ProgressCells() {
    }

    static ProgressBar bar(Double percent) {
        ProgressBar bar = new ProgressBar(0, 1, percent == null ? 0 : Math.min(1, percent / 100));
        bar.setWidth("8rem");
        return bar;
    }

    static Span status(ProgressService.Status status, Function<String, String> translation) {
        Span s = new Span(status == null ? "" : translation.apply("plans.status." + status.name()));
        s.addClassName("sm-progress-status");
        if (status != null) {
            // the theme colours each status: sm-progress-ahead, sm-progress-on-track, sm-progress-behind
            s.addClassName("sm-progress-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return s;
    }
}
