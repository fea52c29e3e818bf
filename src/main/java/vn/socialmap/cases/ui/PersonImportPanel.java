package vn.socialmap.cases.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

import vn.socialmap.base.ValidationException;
import vn.socialmap.base.ui.UploadTexts;
import vn.socialmap.cases.PersonImport;

/**
 * Import of people and events: template, mode, upload, a progress bar while the rows are
 * checked (the work runs off the request thread; the page polls), then the result and the
 * refused rows as a file.
 */
class PersonImportPanel extends HorizontalLayout {

    private final PersonImport imports;
    private final Span result = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Div rejectedLink = new Div();
    private final Select<PersonImport.Mode> mode = new Select<>();

    PersonImportPanel(PersonImport imports, Runnable refresh) {
        this.imports = imports;
        Anchor template = new Anchor((DownloadHandler) event -> {
            event.setFileName("mau-nhap-ho-so.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            imports.writeTemplate(key -> getTranslation(key), event.getOutputStream());
        }, getTranslation("personimport.template"));
        template.getElement().setAttribute("download", true);
        mode.setItems(PersonImport.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("personimport.mode." + m.name()));
        mode.setValue(PersonImport.Mode.ALL_OR_NOTHING);
        mode.setWidth("22rem");
        result.addClassName("sm-person-import-result");
        bar.setWidth("10rem");
        bar.setVisible(false);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui ->
                ui.access(() -> start(ui, bytes, metadata.fileName(), refresh)))));
        upload.setAcceptedFileTypes(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(100 * 1024 * 1024);
        UploadTexts.localized(upload);
        upload.setUploadButton(new Button(getTranslation("personimport.upload")));
        upload.addClassName("sm-person-import-upload");
        add(mode, upload, template, bar, result, rejectedLink);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    private void start(UI ui, byte[] bytes, String fileName, Runnable refresh) {
        rejectedLink.removeAll();
        List<List<String>> rows;
        try {
            rows = imports.read(bytes, fileName);
        } catch (ValidationException e) {
            result.setText(e.describe((k, a) -> getTranslation(k, a)));
            return;
        }
        int total = rows.size();
        bar.setVisible(true);
        bar.setValue(0);
        ui.setPollInterval(500);
        PersonImport.Mode chosen = mode.getValue();
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            PersonImport.Result r;
            try {
                r = imports.importRows(rows, chosen, done -> ui.access(() -> {
                    bar.setValue(total == 0 ? 1 : (double) done / total);
                    result.setText(getTranslation("personimport.progress", done, total));
                }));
            } catch (ValidationException e) {
                ui.access(() -> finish(ui, e.describe((k, a) -> getTranslation(k, a))));
                return;
            }
            PersonImport.Result done = r;
            ui.access(() -> {
                finish(ui, getTranslation(done.applied() ? "personimport.done" : "personimport.refused", done.rows(),
                        done.personsCreated(), done.eventsCreated(), done.eventsSkipped(), done.rejected().size()));
                if (!done.rejected().isEmpty()) {
                    Anchor file = new Anchor((DownloadHandler) event -> {
                        event.setFileName("dong-bi-tu-choi.xlsx");
                        event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                        imports.writeRejected(done.rejected(), x -> x.reason().describe((k, a) -> getTranslation(k, a)),
                                key -> getTranslation(key), event.getOutputStream());
                    }, getTranslation("personimport.rejected.download"));
                    file.getElement().setAttribute("download", true);
                    file.addClassName("sm-person-import-rejected");
                    rejectedLink.add(file);
                }
                refresh.run();
            });
        }));
    }

    private void finish(UI ui, String text) {
        bar.setVisible(false);
        result.setText(text);
        ui.setPollInterval(-1);
    }
}
