package importer

import (
	"io"
	"strings"
)

// maxSectionScan is how many records a search for the sections of a file
// reads: an account's data export or a report puts its tables one after
// another, each small enough.
const maxSectionScan = 100000

// section is one table of a file of several: its title line, the record
// index of its header and the spreadsheet row of its last record.
type section struct {
	title   string
	header  int // records before the header
	lastRow int
	score   int // complaint headers it names
	dated   bool
}

// ticketSection finds, in a file of several tables one after another
// (an account's data export, a report's "Summary" then "Tickets"), each
// after a title line ("=== SUPPORT TICKETS ===", a lone word) and with
// its own header, the table of tickets: the one whose header names the
// most complaint fields and an opening date. ok is false for a file of
// one table, or for one opening on its header. left are the titles of
// the tables left out.
func ticketSection(p *plan) (s section, left []string, ok bool) {
	src, err := p.open()
	if err != nil {
		return section{}, nil, false
	}
	defer src.close()
	var secs []section
	var cur *section
	prevBlank, title, titleSeen, prevRow := true, "", false, 0
	for i := 0; i < maxSectionScan; i++ {
		rec, row, err := src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if isRowError(err) {
				continue
			}
			return section{}, nil, false
		}
		// A CSV reader passes over empty lines: a gap in the rows is one.
		prevBlank = prevBlank || row > prevRow+1
		prevRow = row
		n := filled(rec)
		switch {
		case n == 0:
			prevBlank = true
			continue
		case len(secs) == 0 && !titleSeen && n != 1:
			// Each table has its title: a file opening on a header is
			// one table (read as it is, without reading it twice).
			return section{}, nil, false
		case n == 1 && (prevBlank || cur == nil) && !titleSeen:
			// A title line: a new table follows.
			title, titleSeen = strings.Join(strings.Fields(strings.Join(rec, " ")), " "), true
			cur = nil
		case titleSeen:
			secs = append(secs, sectionOf(title, i, rec))
			cur = &secs[len(secs)-1]
			cur.lastRow = row
			titleSeen = false
		case cur != nil:
			cur.lastRow = row
		}
		prevBlank = false
	}
	if len(secs) < 2 {
		return section{}, nil, false
	}
	best := -1
	for i, s := range secs {
		if s.dated && (best < 0 || s.score > secs[best].score) {
			best = i
		}
	}
	if best < 0 {
		return section{}, nil, false
	}
	for i, s := range secs {
		if i != best {
			left = append(left, s.title)
		}
	}
	return secs[best], left, true
}

// sectionOf reads a table's header: how many complaint fields it names
// exactly, and whether one of them is the opening date.
func sectionOf(title string, header int, rec []string) section {
	s := section{title: title, header: header}
	for _, c := range buildColumns([][]string{rec}, 1) {
		for _, f := range complaintSchema.order {
			if r := headerRank(complaintSchema, f, c); r >= 0 && r < containsRank {
				s.score++
				s.dated = s.dated || f == FieldOpened
				break
			}
		}
	}
	return s
}

// sectionSource ends a table at its section's last row.
type sectionSource struct {
	recordSource
	lastRow int
}

func (s *sectionSource) next() ([]string, int, error) {
	rec, row, err := s.recordSource.next()
	if err == nil && row > s.lastRow {
		return nil, row, io.EOF
	}
	return rec, row, err
}

// takeSection takes, for a complaint import, the table of tickets from a
// file of several (see ticketSection): it returns the records above its
// header, ends the table at its last row and says which tables were
// left out.
func (p *plan) takeSection(sc *schema) (skip int, ok bool) {
	if sc != complaintSchema {
		return 0, false
	}
	s, left, ok := ticketSection(p)
	if !ok {
		return 0, false
	}
	p.lastRow = s.lastRow
	text := strings.Join(left, ", ")
	p.warnings = append(p.warnings, warning(warnSectionsSkipped, map[string]any{"Section": s.title, "Sections": text},
		"the file holds several tables: the tickets were read from %q; left out: %s", s.title, text))
	return s.header, true
}
