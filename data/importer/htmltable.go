package importer

import (
	"io"
	"os"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// An HTML table saved under the name ".xls": Bitrix24, Jira and other web
// apps export their lists so, and Excel opens them as a sheet. The file is
// read as the table it holds: the one with the most rows when there are
// several (Jira puts a small table of the query above the issues).

// tableRows serves rows read whole when the file was opened: an HTML
// page's largest table, an Excel 97-2003 sheet.
type tableRows struct {
	rows   [][]string
	i      int
	size   int64
	clocks map[int]bool // columns formatted as a time of day (XLS)
	merges []cellRange  // the sheet's merged ranges (XLS, ODS)
}

// openHTML parses the file at path. Its encoding is taken from a byte
// order mark, a <meta> charset or the bytes themselves, as a browser
// would.
func openHTML(path string) (*tableRows, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r, err := charset.NewReader(f, "")
	if err != nil {
		return nil, err
	}
	rows, err := largestTable(r)
	if err != nil {
		return nil, err
	}
	return &tableRows{rows: rows, size: st.Size()}, nil
}

func (s *tableRows) next() ([]string, int, error) {
	if s.i >= len(s.rows) {
		return nil, s.i, io.EOF
	}
	s.i++
	return s.rows[s.i-1], s.i, nil
}

// bytesRead is the share of the file's rows served, in bytes: the file
// was read whole when opened.
func (s *tableRows) bytesRead() int64 {
	if len(s.rows) == 0 {
		return s.size
	}
	return s.size * int64(s.i) / int64(len(s.rows))
}

func (s *tableRows) close() error { return nil }

// largestTable returns the rows of the table with the most rows, each a
// cell's text (th or td, blank space and line breaks collapsed) with an
// empty cell after a cell for each further column it spans. A table
// inside a cell counts as a table of its own; its text is not its cell's.
func largestTable(r io.Reader) ([][]string, error) {
	type table struct {
		rows [][]string
		row  []string
		cell *strings.Builder
		span int // columns the open cell covers
	}
	var open []*table
	var best [][]string
	z := html.NewTokenizer(r)
	top := func() *table {
		if len(open) == 0 {
			return nil
		}
		return open[len(open)-1]
	}
	endCell := func(t *table) {
		if t != nil && t.cell != nil {
			t.row = append(t.row, strings.Join(strings.Fields(t.cell.String()), " "))
			// The columns a span covers after the first are empty, as in
			// a sheet with merged cells: the cells after it keep their
			// places.
			for ; t.span > 1; t.span-- {
				t.row = append(t.row, "")
			}
			t.cell = nil
		}
	}
	endRow := func(t *table) {
		endCell(t)
		if t != nil && t.row != nil {
			t.rows = append(t.rows, t.row)
			t.row = nil
		}
	}
	endTable := func() {
		t := open[len(open)-1]
		endRow(t)
		if len(t.rows) > len(best) {
			best = t.rows
		}
		open = open[:len(open)-1]
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return nil, err
			}
			for len(open) > 0 { // a table left unclosed ends with the file
				endTable()
			}
			return best, nil
		case html.TextToken:
			if t := top(); t != nil && t.cell != nil {
				t.cell.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			t := top()
			switch string(name) {
			case "table":
				open = append(open, &table{})
			case "tr":
				endRow(t)
				if t != nil {
					t.row = []string{}
				}
			case "td", "th":
				if t == nil {
					continue
				}
				endCell(t)
				if t.row == nil {
					t.row = []string{}
				}
				t.cell, t.span = &strings.Builder{}, colspan(z, hasAttr)
			case "br", "p", "div":
				if t != nil && t.cell != nil {
					t.cell.WriteString(" ")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			t := top()
			switch string(name) {
			case "td", "th":
				endCell(t)
			case "tr":
				endRow(t)
			case "table":
				if t != nil {
					endTable()
				}
			}
		}
	}
}

// colspan reads a cell's colspan attribute, 1 when there is none.
func colspan(z *html.Tokenizer, hasAttr bool) int {
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		if string(key) != "colspan" {
			continue
		}
		n := 0
		for _, c := range val {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		return min(max(n, 1), 1000)
	}
	return 1
}
