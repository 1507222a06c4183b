package importer

import (
	"bytes"
	"encoding/xml"
	"io"
)

// sheetXML walks a spreadsheet's XML (ODS content, Excel 2003 XML) for
// its elements and text, leaving out the subtree of any element named
// skip (a comment on a cell). end returns true to stop: the sheet asked
// for was read. Raw tokens: names are matched by their local part, which
// spares the decoder's namespace bookkeeping (a third of its time).
type sheetXML struct {
	skip  string
	start func(e xml.StartElement)
	end   func(name string) (stop bool)
	text  func(b []byte)
}

// walk reads d to its end or until end says stop.
func (w sheetXML) walk(d *xml.Decoder) error {
	depth := 0 // inside a skipped element
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if depth > 0 || e.Name.Local == w.skip {
				depth++
				continue
			}
			w.start(e)
		case xml.EndElement:
			if depth > 0 {
				depth--
				continue
			}
			if w.end(e.Name.Local) {
				return nil
			}
		case xml.CharData:
			if depth == 0 {
				w.text(e)
			}
		}
	}
}

// sheetsRead collects the sheets a parser reads whole; only, when set,
// is the sheet asked for, after which the parser stops.
type sheetsRead struct {
	tables  []sheetTable
	only    string
	stopped bool
}

// end keeps the sheet *t, if one is open, read to its end with its
// columns of times of day (from the counts of its times' kinds, see
// clockColumns), closes it, and tells whether it was the one asked for.
func (s *sheetsRead) end(t **sheetTable, clock, elapsed map[int]int) (stop bool) {
	if *t == nil {
		return false
	}
	(*t).clocks = clockColumns(clock, elapsed)
	s.tables = append(s.tables, **t)
	s.stopped = s.only != "" && (*t).name == s.only
	*t = nil
	return s.stopped
}

// result is what the parser returns once walked: the sheets read, the
// one asked for alone when it was found, or a file cut short when a sheet
// was left open.
func (s *sheetsRead) result(open bool) ([]sheetTable, error) {
	switch {
	case s.stopped:
		return s.tables[len(s.tables)-1:], nil
	case open:
		return nil, io.ErrUnexpectedEOF
	}
	return s.tables, nil
}

// openSheetTable reads the named sheet of the file at path with read
// (readODS, readSpreadsheetML), as a source of its rows.
func openSheetTable(read func(path, only string) ([]sheetTable, error), path, sheet string, size int64) (*tableRows, error) {
	tables, err := read(path, sheet)
	if err != nil {
		return nil, err
	}
	if len(tables) != 1 || tables[0].name != sheet {
		return nil, ErrUnknownSheet
	}
	t := tables[0]
	return &tableRows{rows: t.rows, merges: t.merges, clocks: t.clocks, size: size}, nil
}

// clockColumns are the columns whose times are mostly formatted as a
// time of day rather than as a time taken, from counts per column.
func clockColumns(clock, elapsed map[int]int) map[int]bool {
	out := map[int]bool{}
	for c, n := range clock {
		if n > elapsed[c] {
			out[c] = true
		}
	}
	return out
}

// sheetTags reads the names of a spreadsheet's sheets from their start
// tags in its XML (tag: the element's name and a space, "table:table "),
// without parsing the cells: chunk by chunk, the last few kilobytes of
// each read again with the next, so that a tag cut between two chunks is
// read whole. ok=false when a tag cannot be read.
func sheetTags(r io.Reader, tag string) (names []string, ok bool) {
	const size, carry = 256 << 10, 4 << 10
	buf := make([]byte, size+carry)
	keep := 0
	for {
		n, err := io.ReadFull(r, buf[keep:])
		chunk := buf[:keep+n]
		end := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !end {
			return nil, false
		}
		limit := len(chunk) // tags starting in the carried end are read with the next chunk
		if !end {
			limit -= carry
		}
		for at := 0; at < limit; {
			i := bytes.Index(chunk[at:], []byte(tag))
			if i < 0 || at+i >= limit {
				break
			}
			pos := at + i
			lt := bytes.LastIndexByte(chunk[max(0, pos-32):pos], '<')
			if lt >= 0 {
				tok, err := xml.NewDecoder(bytes.NewReader(chunk[max(0, pos-32)+lt:])).RawToken()
				e, isStart := tok.(xml.StartElement)
				if err != nil || !isStart {
					return nil, false
				}
				names = append(names, attr(e, "name")+attr(e, "Name"))
			}
			at = pos + len(tag)
		}
		if end {
			return names, true
		}
		keep = copy(buf, chunk[len(chunk)-carry:])
	}
}

// sheetNamesOf lists a spreadsheet's sheets: by their tags (tags, when
// tagsOK), in the workbook's order, unless the importer must choose among
// several (rank); then readAll reads them whole to rank them by their
// cells (see rankByCells).
func sheetNamesOf(tags []string, tagsOK, rank bool, readAll func() ([]sheetTable, error)) ([]string, error) {
	if tagsOK && (!rank || len(tags) <= 1) {
		return tags, nil
	}
	tables, err := readAll()
	if err != nil {
		return nil, err
	}
	if !rank {
		names := make([]string, len(tables))
		for i, t := range tables {
			names[i] = t.name
		}
		return names, nil
	}
	return tableNames(tables), nil
}
