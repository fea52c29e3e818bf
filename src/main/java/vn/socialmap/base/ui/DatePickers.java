package vn.socialmap.base.ui;

import java.time.DayOfWeek;
import java.util.List;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * The date picker's own texts in the user's language (Vaadin ships them in English):
 * month and day names, Monday first, dates written dd/MM/yyyy.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker localized(DatePicker picker) {
        java.util.function.Function<String, String> t = picker::getTranslation;
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(List.of(t.apply("date.months").split(",")))
                .setWeekdays(List.of(t.apply("date.weekdays").split(",")))
                .setWeekdaysShort(List.of(t.apply("date.weekdays.short").split(",")))
                .setFirstDayOfWeek(DayOfWeek.MONDAY.getValue() % 7)
                .setToday(t.apply("date.today"))
                .setCancel(t.apply("date.cancel"))
                .setDateFormat("dd/MM/yyyy");
        picker.setI18n(i18n);
        return picker;
    }
}
