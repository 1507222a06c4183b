package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	return rec, s.row, nil
}

func (s *csvSource) bytesRead() int64 { return s.cnt.n }
func (s *csvSource) close() error     { return s.f.Close() }

// xlsxSource streams the rows of one worksheet.
type xlsxSource struct {
	f     *excelize.File
	rows  *excelize.Rows
	row   int
	total int   // rows in the sheet's dimension, 0 if unknown
	size  int64 // file size, to turn rows into a byte estimate
}

func openXLSX(path, sheet string, size int64) (*xlsxSource, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &xlsxSource{f: f, rows: rows, total: sheetRows(f, sheet), size: size}, nil
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
	return rec, s.row, nil
}

func (s *xlsxSource) bytesRead() int64 {
	if s.total == 0 {
		return 0
	}
	return min(s.size, s.size*int64(s.row)/int64(s.total))
}

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}

// sheetRows returns the row count of a sheet from its dimension
// reference ("A1:H1000" -> 1000), or by counting when the workbook has no
// usable dimension (some writers leave it out).
func sheetRows(f *excelize.File, sheet string) int {
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, n, err := excelize.CellNameToCoordinates(last); err == nil {
				return n
			}
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n
}

// pickSheet returns the sheet named want, or without a name the first
// sheet, or the one with the most rows when the first is empty or
// smaller.
func pickSheet(path, want string) (string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", fmt.Errorf("%s: workbook has no sheets", filepath.Base(path))
	}
	if want != "" {
		// Excel compares sheet names without case.
		if i := slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(s, want) }); i >= 0 {
			return sheets[i], nil
		}
		list := quotedList(sheets)
		return "", &MessageError{Message: warning(errNoSheet, map[string]any{"Sheet": want, "Sheets": list},
			"the workbook has no sheet %q; its sheets are %s", want, list), Err: ErrUnknownSheet}
	}
	best, bestRows := sheets[0], sheetRows(f, sheets[0])
	for _, s := range sheets[1:] {
		if n := sheetRows(f, s); n > bestRows {
			best, bestRows = s, n
		}
	}
	return best, nil
}

func isXLSX(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	case ".csv", ".tsv", ".txt":
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return bytes.Equal(head[:n], []byte("PK\x03\x04"))
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
