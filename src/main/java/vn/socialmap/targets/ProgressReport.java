package vn.socialmap.targets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.ui.Palette;
import vn.socialmap.base.ui.i18n.Translations;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.PlanModel.Plan;

/**
 * Periodic progress reports (month, quarter, half-year, year) as XLSX and PDF, in
 * Vietnamese with Vietnamese number formats (1.482; 48,6%); the PDF carries a map of
 * the districts coloured by percent achieved of one indicator.
 */
@Service
@Transactional(readOnly = true)
public class ProgressReport {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final List<Color> PALETTE = Palette.PROGRESS.stream().map(Color::decode).toList();

    private final ProgressService progress;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final Translations translations;

    ProgressReport(ProgressService progress, AdminUnitService units, AdminStructures structures, Translations translations) {
        this.structures = structures;
        this.progress = progress;
        this.units = units;
        this.translations = translations;
    }

    public enum Period {
        MONTH, QUARTER, HALF_YEAR, YEAR;

        /** The period of this kind that contains {@code date}: first and last day. */
        public LocalDate[] around(LocalDate date) {
            return switch (this) {
                case MONTH -> new LocalDate[] {date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth())};
                case QUARTER -> {
                    LocalDate first = LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    yield new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
                }
                case HALF_YEAR -> {
                    LocalDate first = LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
                    yield new LocalDate[] {first, first.plusMonths(6).minusDays(1)};
                }
                case YEAR -> new LocalDate[] {LocalDate.of(date.getYear(), 1, 1), LocalDate.of(date.getYear(), 12, 31)};
            };
        }
    }

    private String vi(String key, Object... args) {
        return translations.getTranslation(key, Translations.VIETNAMESE, args);
    }

    public String title(Plan plan, Period period, LocalDate date) {
        LocalDate[] range = period.around(date);
        return vi("report.title", vi("report.period." + period.name()), plan.number(), DATE.format(range[0]), DATE.format(range[1]));
    }

    List<String> headings() {
        return List.of(vi("plans.unit"), vi("plans.indicator"), vi("plans.target"), vi("report.inPeriod"),
                vi("report.cumulative"), vi("plans.percent"), vi("plans.status"));
    }

    public void writeXlsx(long planId, Period period, LocalDate date, Level level, OutputStream out) {
        Plan plan = progress.plan(planId);
        LocalDate[] range = period.around(date);
        List<ProgressService.ReportRow> rows = progress.report(planId, range[0], range[1], level);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(vi("report.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(title(plan, period, date));
            sheet.createRow(1).createCell(0).setCellValue(plan.issuer() + " – " + plan.title());
            Row header = sheet.createRow(3);
            List<String> headings = headings();
            for (int i = 0; i < headings.size(); i++) {
                header.createCell(i).setCellValue(headings.get(i));
            }
            var percentStyle = workbook.createCellStyle();
            percentStyle.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            var countStyle = workbook.createCellStyle();
            countStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            int r = 4;
            for (ProgressService.ReportRow row : rows) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.cumulative().unitName());
                x.createCell(1).setCellValue(row.cumulative().indicatorName());
                number(x, 2, row.cumulative().target(), countStyle);
                countOrHidden(x, 3, row.inPeriod(), countStyle);
                countOrHidden(x, 4, row.cumulative().actual(), countStyle);
                if (row.cumulative().percent() != null) {
                    var c = x.createCell(5);
                    c.setCellValue(row.cumulative().percent() / 100);
                    c.setCellStyle(percentStyle);
                }
                x.createCell(6).setCellValue(row.cumulative().status() == null ? ""
                        : vi("plans.status." + row.cumulative().status().name()));
            }
            for (int i = 0; i < headings.size(); i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a hidden count reads as: below the disclosure setting's threshold. */
    private String hidden() {
        return "<" + progress.minCount();
    }

    private void countOrHidden(Row x, int column, Long value, org.apache.poi.ss.usermodel.CellStyle style) {
        if (value == null) {
            x.createCell(column).setCellValue(hidden());
        } else {
            number(x, column, value, style);
        }
    }

    private static void number(Row x, int column, double value, org.apache.poi.ss.usermodel.CellStyle style) {
        var c = x.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    public void writePdf(long planId, Period period, LocalDate date, Level level, String mapIndicator, OutputStream out) {
        Plan plan = progress.plan(planId);
        LocalDate[] range = period.around(date);
        List<ProgressService.ReportRow> rows = progress.report(planId, range[0], range[1], level);
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.of("vi"));
        NumberFormat percent = NumberFormat.getNumberInstance(Locale.of("vi"));
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        Document document = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
        PdfWriter.getInstance(document, out);
        document.open();
        BaseFont regular = font("NotoSans-Regular.ttf");
        BaseFont bold = font("NotoSans-Bold.ttf");
        Paragraph heading = new Paragraph(title(plan, period, date), new Font(bold, 13));
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        Paragraph sub = new Paragraph(plan.issuer() + " – " + plan.title(), new Font(regular, 9));
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(8);
        document.add(sub);
        try {
            byte[] png = districtMap(planId, range[1], mapIndicator);
            Image map = png == null ? null : Image.getInstance(png);
            if (map != null) {
                map.scaleToFit(360, 300);
                map.setAlignment(Element.ALIGN_CENTER);
                document.add(map);
                String indicatorName = progress.report(planId, range[0], range[1], Level.CITY).stream()
                        .map(ProgressService.ReportRow::cumulative).filter(c -> c.indicatorCode().equals(mapIndicator))
                        .map(ProgressService.Row::indicatorName).findFirst().orElse(mapIndicator);
                Paragraph caption = new Paragraph(vi("report.map", indicatorName.toLowerCase(Locale.of("vi"))), new Font(regular, 8));
                caption.setAlignment(Element.ALIGN_CENTER);
                document.add(caption);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PdfPTable table = new PdfPTable(new float[] {14, 34, 9, 9, 9, 8, 12});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(8);
        Font text = new Font(regular, 8);
        headings().forEach(h -> table.addCell(new PdfPCell(new Phrase(h, new Font(bold, 8)))));
        for (ProgressService.ReportRow row : rows) {
            var c = row.cumulative();
            table.addCell(new Phrase(c.unitName(), text));
            table.addCell(new Phrase(c.indicatorName(), text));
            table.addCell(new Phrase(count.format(c.target()), text));
            table.addCell(new Phrase(row.inPeriod() == null ? hidden() : count.format(row.inPeriod()), text));
            table.addCell(new Phrase(c.actual() == null ? hidden() : count.format(c.actual()), text));
            table.addCell(new Phrase(c.percent() == null ? "" : percent.format(c.percent()) + "%", text));
            table.addCell(new Phrase(c.status() == null ? "" : vi("plans.status." + c.status().name()), text));
        }
        document.add(table);
        document.close();
    }

    /** Districts coloured by percent of their target achieved for one indicator, as a PNG; null for a plan without districts. */
    byte[] districtMap(long planId, LocalDate asOf, String indicator) throws IOException {
        Plan plan = progress.plan(planId);
        Map<String, Double> percentByDistrict = new HashMap<>();
        progress.progress(planId, asOf, Level.DISTRICT).stream().filter(r -> r.indicatorCode().equals(indicator))
                .forEach(r -> percentByDistrict.put(r.unitCode(), r.percent()));
        // the districts of the plan's structure, as its targets name them
        AdminStructure structure = structures.require(plan.unitStructure());
        List<AdminUnit> districts = units.byLevel(plan.provinceCode(), AdminLevel.DISTRICT, structures.dayWithin(structure, asOf));
        if (districts.isEmpty()) {
            return null;
        }
        Envelope env = new Envelope();
        districts.forEach(d -> env.expandToInclude(d.getGeom().getEnvelopeInternal()));
        int size = 800;
        double k = Math.cos(Math.toRadians(env.centre().y));
        double scale = (size - 20) / Math.max(env.getWidth() * k, env.getHeight());
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        for (AdminUnit d : districts) {
            Path2D path = path(d.getGeom(), env, k, scale, size);
            Double p = percentByDistrict.get(d.getCode());
            g.setColor(p == null ? Color.decode(Palette.NO_VALUE) : PALETTE.get(Math.min(PALETTE.size() - 1, (int) (p / 25))));
            g.fill(path);
            g.setColor(Color.decode(Palette.PROGRESS_OUTLINE));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(path);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static Path2D path(Geometry geometry, Envelope env, double k, double scale, int size) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            ring(path, polygon.getExteriorRing().getCoordinates(), env, k, scale, size);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(path, polygon.getInteriorRingN(h).getCoordinates(), env, k, scale, size);
            }
        }
        return path;
    }

    private static void ring(Path2D path, Coordinate[] ring, Envelope env, double k, double scale, int size) {
        for (int i = 0; i < ring.length; i++) {
            double x = 10 + (ring[i].x - env.getMinX()) * k * scale;
            double y = size - 10 - (ring[i].y - env.getMinY()) * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
    }

    private static BaseFont font(String file) {
        try (InputStream in = ProgressReport.class.getResourceAsStream("/fonts/" + file)) {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
