package vn.socialmap.audit.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditAreaNames;
import vn.socialmap.audit.AuditEntry;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.audit.AuditQuery;
import vn.socialmap.audit.AuditSearch;
import vn.socialmap.audit.AuditVerifier;

/** Admin: search the audit log, export it, verify its chain. */
@Route("admin/audit")
@Menu(order = 12, title = "nav.audit")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final ZoneId VIETNAM = vn.socialmap.base.VietnamTime.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    private final AuditSearch search;
    private final TextField username = new TextField();
    private final Select<AuditAction> action = new Select<>();
    private final TextField recordId = new TextField();
    private final DatePicker from = vn.socialmap.base.ui.DatePickers.localized(new DatePicker());
    private final DatePicker to = vn.socialmap.base.ui.DatePickers.localized(new DatePicker());
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span verification = new Span();
    private CallbackDataProvider<AuditEntry, Void> provider;

    public AuditView(AuditSearch search, AuditVerifier verifier, AuditLog log, AuditAreaNames areaNames) {
        this.search = search;
        AuditText text = new AuditText((key, arguments) -> getTranslation(key, arguments));
        setSizeFull();
        username.setLabel(getTranslation("audit.user"));
        action.setLabel(getTranslation("audit.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "" : getTranslation("audit.action." + a.name()));
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption(getTranslation("audit.action.all"));
        recordId.setLabel(getTranslation("audit.record"));
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        Button apply = new Button(getTranslation("audit.search"), e -> refresh());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Anchor export = new Anchor((DownloadHandler) event -> {
            AuditQuery q = query();
            log.record(AuditAction.EXPORT, "audit", List.of(), null, describe(q));
            event.setFileName("nhat-ky-truy-cap.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\ufeff'); // lets spreadsheet programs read the file as UTF-8
                search.exportCsv(q, out);
            }
        }, getTranslation("audit.export"));
        export.getElement().setAttribute("download", true);

        Button verify = new Button(getTranslation("audit.verify"), e -> {
            AuditVerifier.Result result = verifier.verify();
            verification.setText(result.intact()
                    ? getTranslation("audit.verify.ok", result.entriesChecked())
                    : getTranslation("audit.verify.broken", result.firstBrokenId(), result.problem()));
            verification.addClassName("sm-audit-verification");
            verification.setClassName("sm-outcome-ok", result.intact());
            verification.setClassName("sm-outcome-failed", !result.intact());
        });

        HorizontalLayout filters = new HorizontalLayout(username, action, recordId, from, to, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("sm-filters");
        HorizontalLayout tools = new HorizontalLayout(verify, export, verification);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(e -> e.role() == null ? "" : getTranslation("role." + e.role())).setHeader(getTranslation("audit.role"))
                .setWidth("11rem").setFlexGrow(0);
        // a signed-in user without an area (the admin) works on the whole system
        grid.addColumn(e -> e.area() == null && e.role() != null ? getTranslation("users.area.system")
                : areaNames.name(e.area(), getLocale())).setHeader(getTranslation("audit.area")).setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        // a search names every record it returned: the cell names a few and how many, the tooltip all
        grid.addColumn(e -> text.records(e.recordType(), e.recordIds())).setTooltipGenerator(AuditEntry::recordIds)
                .setWidth("16rem").setFlexGrow(0)
                .setHeader(getTranslation("audit.record"));
        grid.addColumn(AuditEntry::clientAddress).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? text.details(e.details()) : e.reason())
                .setHeader(getTranslation("audit.details")).setWidth("18rem").setFlexGrow(1);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        provider = DataProvider.fromCallbacks(
                q -> search.find(query(), q.getOffset(), q.getLimit()).stream(),
                q -> search.count(query()));
        grid.setItems(provider);

        add(new H2(getTranslation("audit.title")), filters, tools, grid);
    }

    private AuditQuery query() {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        return new AuditQuery(username.getValue(), action.getValue(), recordId.getValue(),
                f == null ? null : f.atStartOfDay(VIETNAM).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }

    /** The filters of an exported log, for its own audit entry (days as chosen, in Vietnam's time). */
    private String describe(AuditQuery q) {
        var set = new java.util.LinkedHashMap<String, Object>();
        set.put("user", q.username());
        set.put("action", q.action());
        set.put("record", q.recordId());
        set.put("from", from.getValue());
        set.put("to", to.getValue());
        return vn.socialmap.audit.AuditDetails.of(set);
    }

    private void refresh() {
        provider.refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " | " + getTranslation("app.title");
    }
}
