package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rowError is a record that could not be split into fields (bad quotes);
// the import goes on with the next record.
type rowError struct{ msg Message }

func (e *rowError) Error() string { return e.msg.Text }

// recordSource streams the records of a table, header rows included.
type recordSource interface {
	// next returns the next record and its 1-based spreadsheet row. The
	// record is only valid until the following call. A *rowError is a bad
	// record; io.EOF ends the table.
	next() ([]string, int, error)
	bytesRead() int64
	close() error
}

// countingReader counts the raw bytes read, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// csvSource reads delimited text.
type csvSource struct {
	f   *os.File
	cnt *countingReader
	r   *csv.Reader
	row int
	// line is the text line the next record starts on when no blank
	// line comes first: encoding/csv skips blank lines, a spreadsheet
	// shows them as empty rows, and row numbers must match the sheet.
	line int
}

func openCSV(path, enc string, delim rune, lazyQuotes bool) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	cnt := &countingReader{r: f}
	r := csv.NewReader(newDecoder(cnt, enc))
	r.Comma = delim
	r.LazyQuotes = lazyQuotes
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvSource{f: f, cnt: cnt, r: r, line: 1}, nil
}

func (s *csvSource) next() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s.row += 1 + max(0, pe.StartLine-s.line)
			s.line = pe.Line + 1
			m := reasonBadQuote.msg(pe.Err.Error())
			if pe.Line > pe.StartLine {
				// An unclosed quote swallows the lines after it: say how
				// many, so the loss is visible.
				m = reasonUnclosedQuote.msg(pe.StartLine, pe.Line, pe.Err.Error())
			}
			return nil, s.row, &rowError{msg: m}
		}
		return nil, s.row, err
	}
	start, _ := s.r.FieldPos(0)
	s.row += 1 + max(0, start-s.line)
	last := len(rec) - 1
	end, _ := s.r.FieldPos(last)
	s.line = end + 1 + strings.Count(rec[last], "\n")
	// NUL bytes are damage, not text (a spreadsheet drops them): kept,
	// they were stored inside comments and shown as a blank in a score
	// ("\x008" was rejected as the value " 8").
	for i, c := range rec {
		if strings.IndexByte(c, 0) >= 0 {
			rec[i] = strings.ReplaceAll(c, "\x00", "")
		}
	}
	return rec, s.row, nil
}

func (s *csvSource) bytesRead() int64 { return s.cnt.n }
func (s *csvSource) close() error     { return s.f.Close() }

// xlsxSource streams the rows of one worksheet.
type xlsxSource struct {
	f     *excelize.File
	sheet string
	rows  *excelize.Rows
	row   int
	// total is the sheet's rows, counted on the first progress report
	// (counted is then set): a sheet without a dimension is read through
	// to count them, which a preview must not wait for.
	total   int
	counted bool
	size    int64 // file size, to turn rows into a byte estimate
	// date1904 is set for a workbook in Excel's 1904 date system (Excel
	// for Mac before 2016): its serials count days from 1904-01-01.
	date1904 bool
	kinds    []cellKind // per column, how its numbers are shown (see cellKinds)
}

func openXLSX(path, sheet string, size int64) (*xlsxSource, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	kinds, err := cellKinds(f, sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	// Under a day, only the cell's format tells a time of day from a
	// time taken: the package says which (a package that cannot be read
	// so leaves them elapsed).
	if pkg, err := openPackage(path); err == nil {
		clocks, _ := pkg.clockFormats(sheet, kindRows)
		pkg.close()
		for i := range kinds {
			if kinds[i].kind == cellElapsed && clocks[i] {
				kinds[i].kind = cellClock
			}
		}
	}
	s := &xlsxSource{f: f, sheet: sheet, rows: rows, size: size, kinds: kinds}
	if wp, err := f.GetWorkbookProps(); err == nil && wp.Date1904 != nil {
		s.date1904 = *wp.Date1904
	}
	return s, nil
}

func (s *xlsxSource) next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.row, err
		}
		return nil, s.row, io.EOF
	}
	s.row++
	// Raw values keep Excel date serials and numbers as written instead
	// of the display format (which may drop the year or the time).
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, s.row, err
	}
	for i, k := range s.kinds {
		if i < len(rec) && k.kind != cellPlain {
			rec[i] = k.text(rec[i])
		}
	}
	return rec, s.row, nil
}

// cellKind is how a column shows its numbers when the raw value alone
// would mislead: as a duration, or as a zero-padded code.
type cellKind struct {
	kind  int
	width int // digits of a padded code
}

const (
	cellPlain   = iota
	cellElapsed // [h]:mm, or h:mm under a day: a duration (or a time of day)
	cellClock   // h:mm under a day, so formatted: a time of day
	cellPadded  // 00000000: a code whose leading zeros are the format's
	cellBool    // TRUE/FALSE: a yes/no cell, stored as 1 or 0
)

// text is a raw number as the column shows it: "26:30:00" for the Excel
// duration 1.1041(6), "00012345" for 12345 under 00000000. Text cells
// stay as they are.
func (k cellKind) text(raw string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) {
		return raw
	}
	switch k.kind {
	case cellElapsed, cellClock:
		secs := int64(math.Round(v * 86400))
		return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	case cellPadded:
		if len(raw) < k.width && allDigits(raw) {
			return strings.Repeat("0", k.width-len(raw)) + raw
		}
	case cellBool:
		switch raw {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
	}
	return raw
}

// kindRows is how many rows cellKinds looks at.
const kindRows = 300

// clockShown is a number shown as a time or duration: "26:30",
// "2:00:00", "3:50:24 PM".
var clockShown = regexp.MustCompile(`^(\d+):\d\d(:\d\d)?( ?[AaPp][Mm])?$`)

// cellKinds tells, per column, from the first rows how the sheet shows
// its numbers, by reading them both raw and as Excel displays them. A
// register's "Время решения" formatted [h]:mm holds 1.104 for 26 h 30
// min, which read raw would be 1.1 hours, or a date in 1900; an id
// column formatted 00000000 holds 12345 for 00012345, which its CSV
// export and the user know it by. Dates need no such care: their serials
// are read as dates wherever a date is expected, and so are date-times
// shown as their time only (h:mm over 45356.6): they keep their day. A
// column of Excel's TRUE/FALSE cells (a review's "wasViewed", a flag
// pandas writes) holds 1 and 0, which read raw would pass for scores.
func cellKinds(f *excelize.File, sheet string) ([]cellKind, error) {
	raw, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer shown.Close()
	type counts struct{ clock, elapsed, dayTime, padded, width, boolean, other int }
	var cs []counts
	for n := 0; n < kindRows && raw.Next() && shown.Next(); n++ {
		r, err := raw.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		d, err := shown.Columns()
		if err != nil {
			return nil, err
		}
		for i := range min(len(r), len(d)) {
			v, err := strconv.ParseFloat(r[i], 64)
			if err != nil || r[i] == d[i] && !clockShown.MatchString(d[i]) {
				continue // text, or a number shown as it is
			}
			for len(cs) <= i {
				cs = append(cs, counts{})
			}
			c := &cs[i]
			switch m := clockShown.FindStringSubmatch(d[i]); {
			case m != nil:
				c.clock++
				h, _ := strconv.Atoi(m[1])
				switch {
				case h >= 24:
					c.elapsed++
				case v >= 1:
					c.dayTime++
				}
			case (d[i] == "TRUE" || d[i] == "FALSE") && (r[i] == "1" || r[i] == "0"):
				c.boolean++
			case allDigits(d[i]) && d[i][0] == '0' && strings.TrimLeft(d[i], "0") == strings.TrimLeft(r[i], "0"):
				c.padded++
				c.width = max(c.width, len(d[i]))
			default:
				c.other++
			}
		}
	}
	if len(cs) == 0 {
		return nil, nil
	}
	kinds := make([]cellKind, len(cs))
	for i, c := range cs {
		switch {
		case c.other > 0:
		case c.clock > 0 && c.padded == 0 && (c.dayTime == 0 || c.elapsed > 0):
			kinds[i].kind = cellElapsed
		case c.padded > 0 && c.clock == 0 && c.boolean == 0:
			kinds[i] = cellKind{kind: cellPadded, width: c.width}
		case c.boolean > 0 && c.clock == 0 && c.padded == 0:
			kinds[i].kind = cellBool
		}
	}
	return kinds, nil
}

// clockColumns are the columns formatted as a time of day (cellClock).
func (s *xlsxSource) clockColumns() map[int]bool {
	out := map[int]bool{}
	for i, k := range s.kinds {
		if k.kind == cellClock {
			out[i] = true
		}
	}
	return out
}

func (s *xlsxSource) bytesRead() int64 {
	if !s.counted {
		s.total, _ = sheetSize(s.f, s.sheet, false)
		s.counted = true
	}
	if s.total == 0 {
		return 0
	}
	return min(s.size, s.size*int64(s.row)/int64(s.total))
}

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}

// sheetSize returns the rows and columns of a sheet from its dimension
// reference ("A1:H1000" -> 1000, 8), or counts them when the workbook has
// no usable dimension (excelize writes "A1" whatever the sheet holds).
// Without wide the count leaves the columns at 0: reading a row's cells
// costs more than stepping over it, and the progress bar needs rows only.
func sheetSize(f *excelize.File, sheet string, wide bool) (rows, cols int) {
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if c, n, err := excelize.CellNameToCoordinates(last); err == nil {
				return n, c
			}
		}
	}
	rs, err := f.Rows(sheet)
	if err != nil {
		return 0, 0
	}
	defer rs.Close()
	for rs.Next() {
		rows++
		if !wide {
			continue
		}
		if rec, err := rs.Columns(excelize.Options{RawCellValue: true}); err == nil {
			cols = max(cols, len(rec))
		}
	}
	return rows, cols
}

// pickSheet returns the sheet named want, or without a name the first,
// and its merged ranges: a workbook of several sheets is prepared sheet
// by sheet by name (prepareSheets), so only a single sheet comes here
// unnamed.
func pickSheet(file, want string) (string, []cellRange, error) {
	pkg, err := openPackage(file)
	if err != nil {
		// excelize tells what is wrong with a file that is no plain
		// package (encrypted, damaged), or reads it without its merges.
		f, err := excelize.OpenFile(file)
		if err != nil {
			return "", nil, err
		}
		defer f.Close()
		name, err := chooseSheet(file, f.GetSheetList(), want)
		return name, nil, err
	}
	defer pkg.close()
	name, err := chooseSheet(file, pkg.names(), want)
	if err != nil {
		return "", nil, err
	}
	// Merges that cannot be read leave the cells as they are.
	merges, _ := pkg.merges(name)
	return name, merges, nil
}

// chooseSheet picks want among sheets, the first without a name.
func chooseSheet(file string, sheets []string, want string) (string, error) {
	if len(sheets) == 0 {
		base := filepath.Base(file)
		return "", &MessageError{Message: warning(errNoSheets, map[string]any{"File": base},
			"%s is a workbook without any sheet: open it in Excel or LibreOffice Calc, check that it holds the table, and save it again", base), Err: ErrEmptyFile}
	}
	if want == "" {
		return sheets[0], nil
	}
	// Excel compares sheet names without case.
	if i := slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(s, want) }); i >= 0 {
		return sheets[i], nil
	}
	list := quotedList(sheets)
	return "", &MessageError{Message: warning(errNoSheet, map[string]any{"Sheet": want, "Sheets": list},
		"the workbook has no sheet %q; its sheets are %s", want, list), Err: ErrUnknownSheet}
}

// rankSheets orders the sheets of a workbook from the likeliest to hold
// the table: bigger ones first (rows times columns, so that a long
// two-column summary does not beat the wider table it sums up), the first
// sheet first among equals; sheets holding a pivot table after the others
// (a manager puts the pivot of the answers first, and it may well be the
// longer), empty ones last.
func rankSheets(f *excelize.File, sheets []string) []string {
	if len(sheets) < 2 {
		return sheets // nothing to rank, and sizing a sheet may mean reading it through
	}
	type ranked struct {
		name  string
		size  int
		pivot bool
	}
	rs := make([]ranked, len(sheets))
	for i, s := range sheets {
		rows, cols := sheetSize(f, s, true)
		pts, _ := f.GetPivotTables(s)
		rs[i] = ranked{s, rows * cols, len(pts) > 0}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		switch {
		case (a.size == 0) != (b.size == 0):
			return cmpBool(a.size == 0, b.size == 0)
		case a.pivot != b.pivot:
			return cmpBool(a.pivot, b.pivot)
		}
		return b.size - a.size
	})
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.name
	}
	return out
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	if a == b {
		return 0
	}
	if a {
		return 1
	}
	return -1
}

// sheetList lists the sheets of a workbook in its order, from the
// package alone.
func sheetList(path string) ([]string, error) {
	pkg, err := openPackage(path)
	if err != nil {
		return nil, err
	}
	defer pkg.close()
	return pkg.names(), nil
}

// workbookSheets lists the sheets of a workbook as rankSheets orders them.
func workbookSheets(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rankSheets(f, f.GetSheetList()), nil
}

func isXLSX(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	}
	// A workbook saved or renamed as .csv is still read as the workbook
	// it is: a ZIP whose first entries are a workbook's ("[Content_Types].xml",
	// "xl/...") within the first kilobytes.
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	if !bytes.HasPrefix(head[:n], []byte("PK\x03\x04")) {
		return false
	}
	// Under another name (.csv, .zip, none) only a ZIP whose entries
	// are a workbook's is one: any other is an archive (see unpack).
	return bytes.Contains(head[:n], []byte("xl/")) || bytes.Contains(head[:n], []byte("[Content_Types].xml"))
}

// hasBareQuotes reports whether the first records hold quote marks inside
// cells that are not quoted, as 1C and hand-made registers write company
// names (ООО "Вектор"): such a file is read with the quotes kept as text
// rather than every such row refused. Files whose quoted cells are broken
// are still read strictly, so an unclosed quote is reported.
func hasBareQuotes(path, enc string, delim rune) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	r := csv.NewReader(io.LimitReader(newDecoder(f, enc), 64<<10))
	r.Comma = delim
	r.FieldsPerRecord = -1
	bare := false
	for range 200 {
		_, err := r.Read()
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			return bare, nil
		case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
			bare = true
		case errors.As(err, &pe):
			return false, nil
		case err != nil:
			return false, err
		}
	}
	return bare, nil
}

// detectDelimiter picks the delimiter that splits the first records into
// the most consistent number of fields (quotes respected).
func detectDelimiter(path, enc string) (rune, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(newDecoder(f, enc), head)
	truncated := err == nil
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return 0, err
	}
	text := string(head[:n])
	best, bestScore := ',', -1.0
	for _, d := range []rune{',', ';', '\t', '|'} {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = d
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		var counts []int
		for len(counts) < 50 {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				counts = append(counts, -1)
				continue
			}
			counts = append(counts, len(rec))
		}
		if truncated && len(counts) > 1 {
			counts = counts[:len(counts)-1] // likely cut in the middle
		}
		if len(counts) == 0 {
			continue
		}
		freq := map[int]int{}
		mode := 0
		for _, c := range counts {
			freq[c]++
			if freq[c] > freq[mode] || freq[c] == freq[mode] && c > mode {
				mode = c
			}
		}
		if mode < 2 {
			continue
		}
		// Consistency first, then more fields.
		score := float64(freq[mode])/float64(len(counts))*1000 + float64(min(mode, 999))
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best, nil
}
