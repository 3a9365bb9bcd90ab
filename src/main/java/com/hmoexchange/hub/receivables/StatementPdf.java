package com.hmoexchange.hub.receivables;

import static com.hmoexchange.hub.receivables.Presentation.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The statement as a PDF a practice can send to the HMO or attach to a complaint, drawn with Apache PDFBox:
 * A4 landscape, who and which period at the top, one row per claim, the totals at the end, page numbers. The
 * font is the Liberation Sans that PDFBox ships (it has the naira sign; the PDF standard fonts do not), embedded.
 */
final class StatementPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 36;
    private static final float SIZE = 8;
    private static final float LEADING = 13;
    private static final String[] HEADINGS = {"Claim", "Patient (enrollee no.)", "Service date", "Submitted", "Billed",
            "Approved", "Paid", "Outstanding", "Age (days)", "Status"};
    private static final float[] WIDTHS = {90, 95, 62, 62, 74, 74, 74, 78, 40, 121};
    /** Columns whose text is right-aligned (money and days). */
    private static final boolean[] RIGHT = {false, false, false, false, true, true, true, true, true, false};

    private StatementPdf() {
    }

    static void write(Statement s, ZoneId zone, OutputStream out) {
        try (PDDocument document = new PDDocument(); InputStream font = StatementPdf.class.getResourceAsStream(FONT)) {
            PDFont text = PDType0Font.load(document, font);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Statement of account: " + s.practice() + " and " + s.payer());
            info.setCreator("HMO Exchange Hub");
            new Pages(document, text, s, zone).draw();
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws page after page; a new page repeats the table's headings. */
    private static final class Pages {

        private final PDDocument document;
        private final PDFont font;
        private final Statement s;
        private final ZoneId zone;
        private PDPageContentStream content;
        private float y;
        private int number;

        Pages(PDDocument document, PDFont font, Statement s, ZoneId zone) {
            this.document = document;
            this.font = font;
            this.s = s;
            this.zone = zone;
        }

        void draw() throws IOException {
            newPage();
            line(16, MARGIN, "Statement of account");
            y -= 8;
            line(10, MARGIN, "Practice: " + s.practice());
            line(10, MARGIN, "Payer: " + s.payer());
            line(10, MARGIN, "Claims submitted " + s.period());
            line(10, MARGIN, "Generated " + Presentation.moment(s.generatedAt(), zone) + " by the HMO Exchange Hub");
            y -= 8;
            headings();
            for (Statement.Line l : s.lines()) {
                if (y < MARGIN + 2 * LEADING) {
                    newPage();
                    headings();
                }
                row(List.of(l.claimNumber(), l.patient(), Presentation.date(l.serviceDate()), Presentation.date(l.submittedOn()),
                        money(l.billed(), s.currency()), money(l.approved(), s.currency()), money(l.paid(), s.currency()),
                        money(l.outstanding(), s.currency()), String.valueOf(l.ageDays()), l.status()));
            }
            if (s.lines().isEmpty()) {
                line(SIZE, MARGIN, "No claims were submitted to this payer in the period.");
            }
            Statement.Totals t = s.totals();
            y -= 4;
            rule();
            row(List.of("Total", t.countInWords(), "", "", money(t.billed(), s.currency()), money(t.approved(), s.currency()),
                    money(t.paid(), s.currency()), money(t.outstanding(), s.currency()), "", ""));
            y -= 8;
            line(10, MARGIN, "Outstanding: " + money(t.outstanding(), s.currency()));
            content.close();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            number++;
            y = page.getMediaBox().getHeight() - MARGIN;
            at(SIZE, page.getMediaBox().getWidth() - MARGIN - font.getStringWidth("Page " + number) / 1000 * SIZE, MARGIN / 2,
                    "Page " + number);
        }

        private void headings() throws IOException {
            row(List.of(HEADINGS));
            rule();
        }

        private void row(List<String> cells) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                String cell = fit(cells.get(i), WIDTHS[i] - 4);
                float width = font.getStringWidth(cell) / 1000 * SIZE;
                at(SIZE, RIGHT[i] ? x + WIDTHS[i] - 4 - width : x, y, cell);
                x += WIDTHS[i];
            }
            y -= LEADING;
        }

        private void rule() throws IOException {
            content.moveTo(MARGIN, y + LEADING - 3);
            content.lineTo(MARGIN + sum(WIDTHS), y + LEADING - 3);
            content.setLineWidth(0.5f);
            content.stroke();
        }

        private void line(float size, float x, String text) throws IOException {
            at(size, x, y, text);
            y -= size + 5;
        }

        private void at(float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        }

        /** The text, shortened with an ellipsis when wider than the column. */
        private String fit(String text, float width) throws IOException {
            String shown = text == null ? "" : text;
            while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * SIZE > width) {
                shown = shown.substring(0, shown.length() - 2) + "…";
            }
            return shown;
        }

        private static float sum(float[] values) {
            float total = 0;
            for (float v : values) {
                total += v;
            }
            return total;
        }
    }
}
