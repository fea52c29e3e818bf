package vn.socialmap.base.ui;

import java.util.List;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own texts (buttons, drop hint, errors) in the user's language; Vaadin ships them in English. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static Upload localized(Upload upload) {
        java.util.function.Function<String, String> t = upload::getTranslation;
        UploadI18N i18n = new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("upload.drop.one")).setMany(t.apply("upload.drop.many")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("upload.add.one")).setMany(t.apply("upload.add.many")))
                .setError(new UploadI18N.Error().setTooManyFiles(t.apply("upload.error.tooMany"))
                        .setFileIsTooBig(t.apply("upload.error.tooBig")).setIncorrectFileType(t.apply("upload.error.type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("upload.status.connecting"))
                                .setStalled(t.apply("upload.status.stalled")).setProcessing(t.apply("upload.status.processing"))
                                .setHeld(t.apply("upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("upload.remaining"))
                                .setUnknown(t.apply("upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t.apply("upload.error.server"))
                                .setUnexpectedServerError(t.apply("upload.error.server")).setForbidden(t.apply("upload.error.forbidden"))
                                .setFileTooLarge(t.apply("upload.error.tooBig"))))
                .setFile(new UploadI18N.File().setRetry(t.apply("upload.file.retry")).setStart(t.apply("upload.file.start"))
                        .setRemove(t.apply("upload.file.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
        return upload;
    }
}
