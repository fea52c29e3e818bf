package vn.socialmap.facilities;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/**
 * The list each district publishes of voluntary rehab providers and facilities (Plan 78,
 * target 3): providers registered with the district, private voluntary facilities in it,
 * and the province's public facilities that take voluntary admissions. As a table, PDF
 * and XLSX, with Vietnamese headings, the district's name and the date.
 */
@Service
@Transactional(readOnly = true)
public class ProviderList {

    static final List<String> HEADING_KEYS = List.of("providers.heading.number", "providers.heading.name",
            "providers.heading.type", "providers.heading.address", "providers.heading.commune",
            "providers.heading.phone", "providers.heading.status");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final FacilityService facilities;
    private final AdminUnitService units;
    private final Translations translations;

    ProviderList(FacilityService facilities, AdminUnitService units, Translations translations) {
        this.facilities = facilities;
        this.units = units;
        this.translations = translations;
    }

    /** The published list is in Vietnamese, whatever the user's language. */
    private String vi(String key, Object... args) {
        return translations.getTranslation(key, Translations.VIETNAMESE, args);
    }

    public List<String> headings() {
        return HEADING_KEYS.stream().map(this::vi).toList();
    }

    public record Entry(String name, FacilityType type, String address, String commune, String phone, FacilityStatus status) {
    }

    /** A former district (of the last structure with districts), by its code. */
    private java.util.Optional<AdminUnit> district(String code) {
        return units.formerDistrict(code);
    }

    /** Today's list. */
    public List<Entry> entries(String districtCode) {
        return entries(districtCode, units.today());
    }

    /** The list as of a date: the providers and facilities there then (Hà Nội's 7 until 28/02/2025, the police's 4 since). */
    public List<Entry> entries(String districtCode, LocalDate date) {
        AdminUnit district = district(districtCode).filter(u -> u.getLevel() == AdminLevel.DISTRICT)
                .orElseThrow(() -> new NotFoundException("No district " + districtCode));
        List<Entry> entries = new ArrayList<>();
        for (Facility f : facilities.find(new FacilityService.Query(district.getProvinceCode(),
                List.of(FacilityType.COMMUNITY_PROVIDER, FacilityType.PRIVATE_REHAB, FacilityType.PUBLIC_REHAB), null, null, null))) {
            boolean listed = switch (f.getType()) {
                case COMMUNITY_PROVIDER, PRIVATE_REHAB -> districtCode.equals(f.getDistrictCode());
                case PUBLIC_REHAB -> Boolean.TRUE.equals(f.getDetails().get("voluntary"));
                default -> false;
            };
            if (listed && facilities.existsOn(f, date)) {
                entries.add(new Entry(f.getName(), f.getType(), f.getAddress(),
                        units.find(f.getCommuneCode()).map(AdminUnit::getName).orElse(f.getCommuneCode()),
                        f.getPhone(), f.getStatus()));
            }
        }
        return entries;
    }

    public String title(String districtCode) {
        return vi("providers.title", district(districtCode).map(AdminUnit::getName).orElse(districtCode));
    }

    public void writeXlsx(String districtCode, LocalDate date, OutputStream out) {
        List<Entry> entries = entries(districtCode, date);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Danh sách");
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            cell(title, 0, title(districtCode)).setCellStyle(bold);
            cell(sheet.createRow(1), 0, vi("providers.date", DATE.format(date)));
            Row header = sheet.createRow(3);
            List<String> headings = headings();
            for (int i = 0; i < headings.size(); i++) {
                cell(header, i, headings.get(i)).setCellStyle(bold);
            }
            int r = 4;
            for (Entry e : entries) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 3);
                cell(row, 1, e.name());
                cell(row, 2, typeLabel(e.type()));
                cell(row, 3, e.address());
                cell(row, 4, e.commune());
                cell(row, 5, e.phone());
                cell(row, 6, statusLabel(e.status()));
                r++;
            }
            for (int i = 0; i < HEADING_KEYS.size(); i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writePdf(String districtCode, LocalDate date, OutputStream out) {
        List<Entry> entries = entries(districtCode, date);
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        BaseFont regular = font("NotoSans-Regular.ttf");
        BaseFont boldFont = font("NotoSans-Bold.ttf");
        Font text = new Font(regular, 9);
        Font bold = new Font(boldFont, 9);
        Paragraph heading = new Paragraph(title(districtCode), new Font(boldFont, 13));
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        Paragraph when = new Paragraph(vi("providers.date", DATE.format(date)), text);
        when.setAlignment(Element.ALIGN_CENTER);
        when.setSpacingAfter(12);
        document.add(when);
        PdfPTable table = new PdfPTable(new float[] {4, 30, 18, 20, 12, 10, 10});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        headings().forEach(h -> table.addCell(new PdfPCell(new Phrase(h, bold))));
        int n = 1;
        for (Entry e : entries) {
            table.addCell(new Phrase(String.valueOf(n++), text));
            table.addCell(new Phrase(e.name(), text));
            table.addCell(new Phrase(typeLabel(e.type()), text));
            table.addCell(new Phrase(e.address() == null ? "" : e.address(), text));
            table.addCell(new Phrase(e.commune(), text));
            table.addCell(new Phrase(e.phone() == null ? "" : e.phone(), text));
            table.addCell(new Phrase(statusLabel(e.status()), text));
        }
        document.add(table);
        document.close();
    }

    private String typeLabel(FacilityType type) {
        return vi("facility.type." + type.name());
    }

    private String statusLabel(FacilityStatus status) {
        return vi("facility.status." + status.name());
    }

    private static Cell cell(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }

    private static BaseFont font(String file) {
        try (InputStream in = ProviderList.class.getResourceAsStream("/fonts/" + file)) {
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
