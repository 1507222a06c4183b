package importer

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// An OpenDocument spreadsheet (.ods): LibreOffice Calc's own format, the
// default of many Russian offices. Its cells are read from content.xml,
// where each typed cell carries its value in an attribute (dates as ISO
// dates, durations as ISO durations) beside the text it shows. No
// maintained Go reader of the format exists; the standard library's zip
// and XML readers do the work.

// odsMime is what an OpenDocument spreadsheet's first entry, "mimetype",
// stored uncompressed at offset 30, says.
const odsMime = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"

// errODSDamaged is a spreadsheet whose package or content cannot be read.
var errODSDamaged = errors.New("the spreadsheet is damaged or cut short")

// odsMaxRepeats caps how often a row (or run of blank rows) repeated is
// written out: a sheet's blank area is written as a million repeated
// rows, which must not become real ones. Repeated cells stop at a sheet's
// widest (maxColumns).
const odsMaxRepeats = 1 << 16

// isODS reports whether the file at path is an OpenDocument spreadsheet,
// whatever its name.
func isODS(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 30+len(odsMime))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head[30:]) == odsMime
}

// sheetTable is one sheet read whole (ODS, SpreadsheetML): its name,
// rows (nil for an empty row), merged ranges and the columns formatted as
// a time of day.
type sheetTable struct {
	name   string
	rows   [][]string
	merges []cellRange
	clocks map[int]bool
}

// readODS reads the sheets of the spreadsheet at path; with only set, it
// stops after that sheet and returns it alone.
func readODS(path, only string) ([]sheetTable, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errODSDamaged, err)
	}
	defer z.Close()
	part := func(name string) *zip.File {
		if i := slices.IndexFunc(z.File, func(f *zip.File) bool { return f.Name == name }); i >= 0 {
			return z.File[i]
		}
		return nil
	}
	content := part("content.xml")
	if content == nil {
		return nil, errODSDamaged
	}
	// The named cell styles and their data styles live in styles.xml;
	// the automatic ones in content.xml.
	st := newODSStyles()
	if f := part("styles.xml"); f != nil {
		if r, err := f.Open(); err == nil {
			st.read(r)
			r.Close()
		}
	}
	r, err := content.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errODSDamaged, err)
	}
	defer r.Close()
	tables, err := odsTables(r, only, st)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errODSDamaged, err)
	}
	return tables, nil
}

// odsStyles follows a cell's style to its time style: one that does not
// cut the hours at a day ([HH]:MM) is a time taken, any other time style
// a time of day.
type odsStyles struct {
	data    map[string]string // cell style -> its data style
	elapsed map[string]bool   // time style -> whether elapsed
}

func newODSStyles() odsStyles {
	return odsStyles{data: map[string]string{}, elapsed: map[string]bool{}}
}

// note keeps what a style element says.
func (st odsStyles) note(e xml.StartElement) {
	switch e.Name.Local {
	case "time-style":
		st.elapsed[attr(e, "name")] = attr(e, "truncate-on-overflow") == "false"
	case "style":
		if ds := attr(e, "data-style-name"); ds != "" {
			st.data[attr(e, "name")] = ds
		}
	}
}

// read notes the styles of styles.xml.
func (st odsStyles) read(r io.Reader) {
	w := sheetXML{start: st.note, end: func(string) bool { return false }, text: func([]byte) {}}
	w.walk(xml.NewDecoder(r))
}

// timeOfDay reports whether a time in a cell of style cellStyle is a time
// of day; a time without a time style is taken for a duration, as a
// sheet's.
func (st odsStyles) timeOfDay(cellStyle string) bool {
	ds, ok := st.data[cellStyle]
	if !ok {
		return false
	}
	elapsed, isTime := st.elapsed[ds]
	return isTime && !elapsed
}

// odsTables parses content.xml. Cells' text is their paragraphs joined by
// line breaks; comments (office:annotation) are left out.
func odsTables(r io.Reader, only string, st odsStyles) ([]sheetTable, error) {
	read := sheetsRead{only: only}
	var t *sheetTable
	var row []string
	// blank: rows without cells not yet added; blankCells: the same of
	// the row's cells.
	rowRepeat, blank, blankCells := 1, 0, 0
	var cell *odsCell
	var text strings.Builder
	paragraphs, inP := 0, 0 // in the cell so far; inside one
	// A time's kind is its cell style's (see odsStyles); cells without a
	// style take their column's.
	var columnStyles []string // the table's columns' cell styles
	clock, elapsed := map[int]int{}, map[int]int{}
	w := sheetXML{skip: "annotation"}
	w.start = func(e xml.StartElement) {
		switch e.Name.Local {
		case "time-style", "style":
			st.note(e)
		case "table-column":
			for range min(repeats(attr(e, "number-columns-repeated")), maxColumns-len(columnStyles)) {
				columnStyles = append(columnStyles, attr(e, "default-cell-style-name"))
			}
		case "table":
			if t == nil {
				t, blank, columnStyles = &sheetTable{name: attr(e, "name")}, 0, nil
				clock, elapsed = map[int]int{}, map[int]int{}
			}
		case "table-row":
			row, rowRepeat, blankCells = nil, repeats(attr(e, "number-rows-repeated")), 0
		case "table-cell", "covered-table-cell":
			if t != nil {
				rows, cols := repeats(attr(e, "number-rows-spanned")), repeats(attr(e, "number-columns-spanned"))
				if rows > 1 || cols > 1 {
					top, left := len(t.rows)+blank+1, len(row)+blankCells+1
					t.merges = append(t.merges, cellRange{top: top, left: left, bottom: top + rows - 1, right: left + cols - 1})
				}
			}
			cell = &odsCell{
				kind: attr(e, "value-type"), value: attr(e, "value"), date: attr(e, "date-value"),
				duration: attr(e, "time-value"), boolean: attr(e, "boolean-value"),
				repeat: repeats(attr(e, "number-columns-repeated")), style: attr(e, "style-name"),
			}
			if at := len(row) + blankCells; cell.style == "" && at < len(columnStyles) {
				cell.style = columnStyles[at]
			}
			text.Reset()
			paragraphs = 0
		case "p", "h":
			if cell != nil {
				if paragraphs > 0 {
					text.WriteByte('\n')
				}
				paragraphs++
				inP++
			}
		case "s":
			if cell != nil {
				text.WriteString(strings.Repeat(" ", min(repeats(attr(e, "c")), 1000)))
			}
		case "tab":
			if cell != nil {
				text.WriteByte('\t')
			}
		case "line-break":
			if cell != nil {
				text.WriteByte('\n')
			}
		}
	}
	w.end = func(name string) bool {
		switch name {
		case "p", "h":
			inP = max(inP-1, 0)
		case "table-cell", "covered-table-cell":
			if cell == nil {
				return false
			}
			v := cell.text(text.String())
			n := cell.repeat
			if v == "" {
				// Blank cells count only when a cell with content
				// follows them: a row ends in a thousand of them.
				blankCells += n
			} else {
				for range min(blankCells, maxColumns-len(row)) {
					row = append(row, "")
				}
				blankCells = 0
				if cell.kind == "time" {
					counts := elapsed
					if st.timeOfDay(cell.style) {
						counts = clock
					}
					counts[len(row)]++
				}
				for range min(n, maxColumns-len(row)) {
					row = append(row, v)
				}
			}
			cell = nil
		case "table-row":
			if t == nil {
				return false
			}
			row = slices.Clip(row)
			if len(row) == 0 {
				// Blank rows keep the rows' numbers when a row with
				// cells follows; the blank area below the table,
				// written as a million repeated rows, is dropped.
				blank += rowRepeat
				return false
			}
			for range min(blank, odsMaxRepeats) {
				t.rows = append(t.rows, nil)
			}
			blank = 0
			for range min(rowRepeat, odsMaxRepeats) {
				t.rows = append(t.rows, row)
			}
		case "table":
			return read.end(&t, clock, elapsed)
		}
		return false
	}
	w.text = func(b []byte) {
		if cell != nil && inP > 0 {
			text.Write(b)
		}
	}
	if err := w.walk(xml.NewDecoder(r)); err != nil {
		return nil, err
	}
	return read.result(t != nil)
}

// odsCell is a cell's typed value as content.xml gives it.
type odsCell struct {
	kind, value, date, duration, boolean, style string
	repeat                                      int
}

// text is the cell as the importer reads it: a date as "2024-03-05
// 14:30", a duration as "26:30:00", a boolean as TRUE or FALSE, a number
// as its value, unless what the cell shows is that number padded with
// zeros (a code under 00000); any other cell as the text it shows.
func (c *odsCell) text(shown string) string {
	switch c.kind {
	case "date":
		for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02"} {
			if t, err := time.Parse(layout, c.date); err == nil {
				return sheetDateText(t)
			}
		}
	case "time":
		if d, ok := isoDuration(c.duration); ok {
			secs := int64(d.Round(time.Second) / time.Second)
			return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
		}
	case "boolean":
		return boolText(c.boolean == "true")
	case "float", "percentage", "currency":
		if len(shown) > len(c.value) && allDigits(shown) && strings.TrimLeft(shown, "0") == strings.TrimLeft(c.value, "0") {
			return shown
		}
		if c.value != "" {
			return c.value
		}
	}
	return shown
}

// isoDuration reads the ISO 8601 durations OpenDocument writes for times:
// "PT26H30M00S", "PT12H15M00.000S", "-PT1H".
func isoDuration(s string) (time.Duration, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	rest, ok := strings.CutPrefix(s, "P")
	if !ok {
		return 0, false
	}
	var d time.Duration
	inTime := false
	for rest != "" {
		if rest[0] == 'T' {
			inTime, rest = true, rest[1:]
			continue
		}
		i := strings.IndexAny(rest, "YMWDHS")
		if i <= 0 {
			return 0, false
		}
		v, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return 0, false
		}
		var unit time.Duration
		switch rest[i] {
		case 'D':
			unit = 24 * time.Hour
		case 'W':
			unit = 7 * 24 * time.Hour
		case 'H':
			unit = time.Hour
		case 'M':
			if !inTime {
				return 0, false // months have no fixed length
			}
			unit = time.Minute
		case 'S':
			unit = time.Second
		default:
			return 0, false
		}
		d += time.Duration(v * float64(unit))
		rest = rest[i+1:]
	}
	if neg {
		d = -d
	}
	return d, true
}

// attr is the value of the attribute named local in any namespace.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// repeats reads a repeat count, 1 when absent or unreadable.
func repeats(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// odsSheetNames lists the sheets of the spreadsheet at path (see
// sheetNamesOf): ranked when the importer must choose among them.
func odsSheetNames(path string, rank bool) ([]string, error) {
	var tags []string
	ok := false
	if z, err := zip.OpenReader(path); err == nil {
		if i := slices.IndexFunc(z.File, func(f *zip.File) bool { return f.Name == "content.xml" }); i >= 0 {
			if r, err := z.File[i].Open(); err == nil {
				tags, ok = sheetTags(r, "table:table ")
				r.Close()
			}
		}
		z.Close()
	}
	return sheetNamesOf(tags, ok, rank, func() ([]sheetTable, error) { return readODS(path, "") })
}

// tableNames lists sheets read whole, the most cells first (rankByCells).
func tableNames(tables []sheetTable) []string {
	return rankByCells(len(tables), func(i int) (string, [][]string) { return tables[i].name, tables[i].rows })
}
