// Package report writes CareDesk charts as PDF pages (codeberg.org/go-pdf/fpdf
// with the embedded DejaVu Sans, so Cyrillic prints) and saves charts to
// files by extension for the CLI and the GUI's export.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"caredesk/assets"
	"caredesk/charts"
)

// Page is one chart page of a PDF.
type Page struct {
	Title, Subtitle string        // subtitle = period; default: the chart's labels
	Chart           *charts.Chart // printed as a PNG at Scale 2; nil prints only the table
	Table           [][]string    // header row first; nil uses Chart.Table()
	Footer          string        // e.g. "CareDesk · generated 2026-11-26"
}

// Options controls document metadata.
type Options struct {
	// Deterministic fixes the creation date (Created, or 2000-01-01 when
	// zero) and sorts the catalog, so equal input gives equal bytes.
	Deterministic bool
	Created       time.Time // creation date; zero = now (or fixed if Deterministic)
}

// Page geometry in millimetres: A4 landscape.
const (
	pageW, pageH   = 297.0, 210.0
	margin         = 12.0
	footerSpace    = 12.0
	maxChartHeight = 118.0
	minChartHeight = 70.0 // a chart is not shrunk below this to fit its table
	rowHeight      = 6.0
	blockGap       = 8.0 // between side-by-side parts of a narrow table
	cellPad        = 3.0
	fontFamily     = "dejavu"
)

// ChartPDF writes one A4 landscape page: title, period, the chart and the
// numbers as a table, which continues on further pages (header repeated)
// when long.
func ChartPDF(w io.Writer, p Page, o Options) error {
	pdf, err := newDocument(p, o)
	if err != nil {
		return err
	}
	pdf.AddPage()
	title, subtitle := p.Title, p.Subtitle
	if p.Chart != nil {
		l := p.Chart.Options().Labels
		if title == "" {
			title = l.Title
		}
		if subtitle == "" {
			subtitle = l.Subtitle
		}
	}
	writeHeading(pdf, title, subtitle)
	table := p.Table
	if table == nil && p.Chart != nil {
		table = p.Chart.Table()
	}
	t := measureTable(pdf, table)
	blocks, chartHeight := 1, maxChartHeight
	if p.Chart != nil {
		blocks, chartHeight = fitOnPage(t, pageH-margin-footerSpace-pdf.GetY())
		if err := placeChart(pdf, p.Chart, chartHeight); err != nil {
			return err
		}
	}
	t.write(pdf, blocks)
	// fpdf records the first error and ignores later calls: check once.
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("write chart pdf: %w", err)
	}
	return nil
}

func newDocument(p Page, o Options) (*fpdf.Fpdf, error) {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin+footerSpace)
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.FontBold)
	if pdf.Err() {
		return nil, fmt.Errorf("load pdf font: %w", pdf.Error())
	}
	created := o.Created
	if created.IsZero() {
		created = time.Now()
		if o.Deterministic {
			created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	if o.Deterministic {
		pdf.SetCatalogSort(true)
	}
	pdf.SetTitle(p.Title, true)
	pdf.SetCreator("CareDesk", true)
	pdf.AliasNbPages("{nb}")
	footer := p.Footer
	pdf.SetFooterFunc(func() {
		pdf.SetY(-margin - 4)
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(110, 116, 124)
		pdf.CellFormat(pageW-2*margin-30, 5, footer, "", 0, "L", false, 0, "")
		pdf.CellFormat(30, 5, strconv.Itoa(pdf.PageNo())+" / {nb}", "", 0, "R", false, 0, "")
	})
	return pdf, nil
}

func writeHeading(pdf *fpdf.Fpdf, title, subtitle string) {
	pdf.SetXY(margin, margin)
	if title != "" {
		pdf.SetFont(fontFamily, "B", 16)
		pdf.SetTextColor(31, 35, 40)
		pdf.CellFormat(0, 8, fitText(pdf, title, pageW-2*margin), "", 1, "L", false, 0, "")
	}
	if subtitle != "" {
		pdf.SetFont(fontFamily, "", 10)
		pdf.SetTextColor(95, 102, 112)
		pdf.CellFormat(0, 6, fitText(pdf, subtitle, pageW-2*margin), "", 1, "L", false, 0, "")
	}
	pdf.Ln(2)
}

// fitOnPage lays a chart and its table out in room (mm of page height):
// the table in as few side-by-side parts as keep the chart at least
// minChartHeight tall, and the chart as tall as leaves room for it. When
// nothing fits, the chart keeps its full height and the table continues
// on further pages.
func fitOnPage(t table, room float64) (blocks int, chartHeight float64) {
	rows := len(t.rows) - 1
	for k := 1; k <= max(1, rows); k++ {
		if float64(k)*t.width+float64(k-1)*blockGap > pageW-2*margin {
			break
		}
		tableHeight := float64((rows+k-1)/k+1) * rowHeight
		if h := min(maxChartHeight, room-4-tableHeight); h >= minChartHeight {
			return k, h
		}
	}
	return 1, maxChartHeight
}

// pxPerMM is the chart's pixel density on the page: its lettering (about
// 10 px) then prints at about 7 pt whatever the space it gets. A chart
// drawn at its screen size and shrunk into a short space printed its
// axis labels at 3–4 pt.
const pxPerMM = 4.0

// placeChart draws the chart for the space it gets, in light colours and
// without its own title (the page prints it): as wide as the text, at
// most height mm tall and no taller than its own proportions make it (a
// chart taller than wide, such as a long timeline, keeps its shape).
func placeChart(pdf *fpdf.Fpdf, ch *charts.Chart, height float64) error {
	co := ch.Options()
	w := pageW - 2*margin
	h := min(height, w*float64(co.Height)/float64(co.Width))
	if co.Height > co.Width {
		w = h * float64(co.Width) / float64(co.Height)
	}
	co.Width, co.Height = int(w*pxPerMM), int(h*pxPerMM)
	co.Scale, co.Dark = 2, false
	co.Labels.Title, co.Labels.Subtitle = "", ""
	var img bytes.Buffer
	if err := ch.With(co).PNG(&img); err != nil {
		return err
	}
	name := "chart-" + string(ch.Kind())
	opt := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	pdf.RegisterImageOptionsReader(name, opt, &img)
	y := pdf.GetY()
	pdf.ImageOptions(name, (pageW-w)/2, y, w, h, false, opt, 0, "")
	pdf.SetY(y + h + 4)
	return nil
}

// table is a table's rows with its columns measured: widths shrunk to
// fit the page, numeric columns right-aligned.
type table struct {
	rows    [][]string
	widths  []float64
	numeric []bool
	width   float64
}

func measureTable(pdf *fpdf.Fpdf, rows [][]string) table {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	t := table{rows: rows, widths: make([]float64, cols), numeric: make([]bool, cols)}
	for c := range cols {
		t.numeric[c] = true
		for i, r := range rows {
			cell := cellAt(r, c)
			style := ""
			if i == 0 {
				style = "B"
			}
			pdf.SetFont(fontFamily, style, 9)
			t.widths[c] = max(t.widths[c], pdf.GetStringWidth(cell)+2*cellPad)
			if i > 0 && cell != "" && !isNumber(cell) {
				t.numeric[c] = false
			}
		}
	}
	for _, w := range t.widths {
		t.width += w
	}
	if avail := pageW - 2*margin; t.width > avail {
		for c := range t.widths {
			t.widths[c] *= avail / t.width
		}
		t.width = avail
	}
	return t
}

// write prints the table with a shaded header, in blocks parts side by
// side (rows split evenly, header on each); a part too long for the page
// continues on the next, header repeated.
func (t table) write(pdf *fpdf.Fpdf, blocks int) {
	if len(t.rows) == 0 {
		return
	}
	body := t.rows[1:]
	per := max(1, (len(body)+blocks-1)/blocks)
	top := pdf.GetY()
	for b := 0; b*per < len(body) || b == 0; b++ {
		x := margin + float64(b)*(t.width+blockGap)
		pdf.SetXY(x, top)
		t.writeRows(pdf, x, body[b*per:min(len(body), (b+1)*per)])
	}
}

func (t table) writeRows(pdf *fpdf.Fpdf, x float64, body [][]string) {
	cell := func(r []string, c int, border string, fill bool) {
		align := "L"
		if t.numeric[c] {
			align = "R"
		}
		pdf.CellFormat(t.widths[c], rowHeight, fitText(pdf, cellAt(r, c), t.widths[c]-2*cellPad), border, 0, align, fill, 0, "")
	}
	header := func() {
		pdf.SetX(x)
		pdf.SetFont(fontFamily, "B", 9)
		pdf.SetFillColor(238, 240, 243)
		pdf.SetTextColor(31, 35, 40)
		for c := range t.widths {
			cell(t.rows[0], c, "B", true)
		}
		pdf.Ln(-1)
		pdf.SetFont(fontFamily, "", 9)
	}
	_, pageHeight := pdf.GetPageSize()
	_, _, _, bottom := pdf.GetMargins()
	pdf.SetDrawColor(200, 204, 210)
	header()
	for i, r := range body {
		if pdf.GetY()+rowHeight > pageHeight-bottom {
			pdf.AddPage()
			header()
		}
		pdf.SetX(x)
		pdf.SetTextColor(31, 35, 40)
		pdf.SetFillColor(248, 249, 250)
		for c := range t.widths {
			cell(r, c, "", i%2 == 1)
		}
		pdf.Ln(-1)
	}
}

func cellAt(r []string, c int) string {
	if c < len(r) {
		return r[c]
	}
	return ""
}

func isNumber(s string) bool {
	// Numbers come written per locale: "−1 234,5" as well as "-1,234.5";
	// for alignment only whether it is a number matters.
	s = strings.NewReplacer("−", "-", "\u202f", "", "\u00a0", "", ",", "").Replace(s)
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// fitText shortens s with an ellipsis to width millimetres in the current font.
func fitText(pdf *fpdf.Fpdf, s string, width float64) string {
	const slack = 0.01 // column widths come from these measurements
	width += slack
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		t := strings.TrimSpace(string(r[:n])) + "…"
		if pdf.GetStringWidth(t) <= width {
			return t
		}
	}
	return ""
}

// SaveChart writes ch to path by its extension: .png and .svg render the
// chart, .pdf prints page (with ch as its chart). The file appears only
// when complete: it is written beside the target and renamed into place.
func SaveChart(path string, ch *charts.Chart, page Page) error {
	if ch == nil {
		return errors.New("save chart: no chart")
	}
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		write = ch.PNG
	case ".svg":
		write = ch.SVG
	case ".pdf":
		page.Chart = ch
		write = func(w io.Writer) error { return ChartPDF(w, page, Options{}) }
	default:
		return fmt.Errorf("save chart %s: unknown format %q (want .png, .svg or .pdf)", path, filepath.Ext(path))
	}
	return writeAtomically(path, write)
}

func writeAtomically(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}
