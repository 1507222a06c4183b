package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Excel 2003's XML Spreadsheet (SpreadsheetML): what many web and .NET
// tools write under the name ".xls", since Excel opens it as a workbook
// (older 1C reports, ServiceDesk and CRM exports). Each cell's <Data>
// carries its type; dates are ISO date-times, times of day and durations
// date-times on Excel's day 0 (1899-12-31). Read with the standard
// library's XML decoder.

// spreadsheetMLNS is the namespace of the format, found in a file's first
// kilobytes.
const spreadsheetMLNS = "urn:schemas-microsoft-com:office:spreadsheet"

// errSpreadsheetMLDamaged is a spreadsheet cut short or malformed.
var errSpreadsheetMLDamaged = errors.New("the XML spreadsheet is cut short or damaged")

// isSpreadsheetML reports whether the file at path is an XML Spreadsheet.
func isSpreadsheetML(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4<<10)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(spreadsheetMLNS)) || bytes.Contains(head[:n], []byte(`progid="Excel.Sheet"`))
}

// readSpreadsheetML reads the worksheets of the file at path; with only
// set, it stops after that sheet and returns it alone.
func readSpreadsheetML(path, only string) ([]sheetTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tables, err := spreadsheetMLTables(f, only)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errSpreadsheetMLDamaged, err)
	}
	return tables, nil
}

// spreadsheetMLSheetNames lists the worksheets of the file at path (see
// sheetNamesOf): ranked when the importer must choose among them.
func spreadsheetMLSheetNames(path string, rank bool) ([]string, error) {
	var tags []string
	ok := false
	if f, err := os.Open(path); err == nil {
		tags, ok = sheetTags(f, "Worksheet ")
		f.Close()
	}
	return sheetNamesOf(tags, ok, rank, func() ([]sheetTable, error) { return readSpreadsheetML(path, "") })
}

// excelDay0 is the date Excel 2003's XML writes a time of day or a
// duration on: serial 0.
var excelDay0 = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)

func spreadsheetMLTables(r io.Reader, only string) ([]sheetTable, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel // windows-1251 from older tools
	styles := map[string]int{}               // style id -> its number format's kind
	style := ""
	read := sheetsRead{only: only}
	var t *sheetTable
	var row []string
	var typ, cellStyle string
	var text strings.Builder
	rowIndex, col, next := 0, 0, 1
	inData := false
	clock, elapsed := map[int]int{}, map[int]int{}
	w := sheetXML{skip: "Comment"}
	w.start = func(e xml.StartElement) {
		switch e.Name.Local {
		case "Style":
			style = attr(e, "ID")
		case "NumberFormat":
			styles[style], _ = namedFormatKind(attr(e, "Format"))
		case "Worksheet":
			t, rowIndex = &sheetTable{name: attr(e, "Name")}, 0
			clock, elapsed = map[int]int{}, map[int]int{}
		case "Row":
			if i, err := strconv.Atoi(attr(e, "Index")); err == nil && i > rowIndex {
				rowIndex = i // rows left out are blank
			} else {
				rowIndex++
			}
			row, next = nil, 1
		case "Cell":
			// A cell's place is its Index, or the one after the last cell
			// and the columns it was merged across.
			col = next
			if i, err := strconv.Atoi(attr(e, "Index")); err == nil && i >= next {
				col = i
			}
			typ, cellStyle = "", attr(e, "StyleID")
			text.Reset()
			across, _ := strconv.Atoi(attr(e, "MergeAcross"))
			down, _ := strconv.Atoi(attr(e, "MergeDown"))
			across, down = min(max(across, 0), maxColumns), max(down, 0)
			if t != nil && (across > 0 || down > 0) {
				t.merges = append(t.merges, cellRange{top: rowIndex, left: col, bottom: rowIndex + down, right: col + across})
			}
			next = col + across + 1
		case "Data":
			inData, typ = true, attr(e, "Type")
		}
	}
	w.end = func(name string) bool {
		switch name {
		case "Data":
			inData = false
		case "Cell":
			if t == nil || col < 1 || col > maxColumns {
				return false
			}
			v, kind := spreadsheetMLValue(typ, strings.TrimSpace(text.String()), styles[cellStyle])
			if v == "" {
				return false
			}
			switch kind {
			case fmtClock:
				clock[col-1]++
			case fmtElapsed:
				elapsed[col-1]++
			}
			for len(row) < col {
				row = append(row, "")
			}
			row[col-1] = v
		case "Row":
			if t == nil || len(row) == 0 || rowIndex > 1<<20 {
				return false
			}
			for len(t.rows) < rowIndex-1 {
				t.rows = append(t.rows, nil)
			}
			t.rows = append(t.rows, row)
		case "Worksheet":
			return read.end(&t, clock, elapsed)
		}
		return false
	}
	w.text = func(b []byte) {
		if inData {
			text.Write(b)
		}
	}
	if err := w.walk(d); err != nil {
		return nil, err
	}
	return read.result(t != nil)
}

// spreadsheetMLValue is a cell's data as the importer reads it, and the
// kind of time it holds: a date as "2024-03-05 14:30", a time of day or
// duration (on day 0) as "14:30:00" or "26:30:00", a boolean as TRUE or
// FALSE. A time's kind is its style's when the style says.
func spreadsheetMLValue(typ, v string, styled int) (string, int) {
	switch typ {
	case "DateTime":
		t, err := time.Parse("2006-01-02T15:04:05.999999999", v)
		if err != nil {
			return v, fmtPlain
		}
		if d := t.Sub(excelDay0); d >= 0 && t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
			secs := int64(d.Round(time.Second) / time.Second)
			kind := styled
			if kind != fmtClock && kind != fmtElapsed {
				kind = fmtElapsed
				if d < 24*time.Hour {
					kind = fmtClock
				}
			}
			return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60), kind
		}
		return sheetDateText(t), fmtDate
	case "Boolean":
		return boolText(v == "1" || strings.EqualFold(v, "true")), fmtPlain
	}
	return v, fmtPlain
}

// namedFormatKind is the kind of a number format as Excel 2003's XML
// names it: by name ("Short Time", "General Date") or by its code.
func namedFormatKind(f string) (int, int) {
	switch strings.ToLower(f) {
	case "general date", "short date", "medium date", "long date":
		return fmtDate, 0
	case "short time", "medium time", "long time":
		return fmtClock, 0
	case "", "general", "general number", "fixed", "standard", "percent", "scientific", "currency", "euro currency", "yes/no", "true/false", "on/off", "@":
		return fmtPlain, 0
	}
	return formatKind(f)
}
