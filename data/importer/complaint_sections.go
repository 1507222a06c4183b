package importer

import (
	"io"
	"slices"
	"strings"
)

// maxSectionScan is how many records a search for the sections of a file
// reads: an account's data export or a report puts its tables one after
// another, each small enough.
const maxSectionScan = 100000

// section is one table of a file of several: its title line, the record
// index of its header and the spreadsheet row of its last record.
type section struct {
	title     string
	header    int // records before the header
	headerRow int
	lastRow   int
	columns   string // the header's cells, for tables of the same columns
	score     int    // complaint headers it names
	dated     bool
}

// ticketSections finds, in a file of several tables one after another
// (an account's data export, a report's "Summary" then "Tickets"), each
// after a title line ("=== SUPPORT TICKETS ===", a lone word) and with
// its own header, the table of tickets: the one whose header names the
// most complaint fields and an opening date, and every other table of
// the same columns (a monday.com board exports each group of items so,
// «Новые», «Решённые»). ok is false for a file of one table, or for one
// opening on its header. left are the titles of the tables left out.
func ticketSections(p *plan) (taken []section, left []string, ok bool) {
	src, err := p.open()
	if err != nil {
		return nil, nil, false
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
			return nil, nil, false
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
			return nil, nil, false
		case n == 1 && (prevBlank || cur == nil || titleSeen):
			// A title line: a new table follows. Of two, the second
			// names the table (a board's name, then its group's).
			title, titleSeen = strings.Join(strings.Fields(strings.Join(rec, " ")), " "), true
			cur = nil
		case titleSeen:
			secs = append(secs, sectionOf(title, i, row, rec))
			cur = &secs[len(secs)-1]
			cur.lastRow = row
			titleSeen = false
		case cur != nil:
			cur.lastRow = row
		}
		prevBlank = false
	}
	if len(secs) < 2 {
		return nil, nil, false
	}
	best := -1
	for i, s := range secs {
		if s.dated && (best < 0 || s.score > secs[best].score) {
			best = i
		}
	}
	if best < 0 {
		return nil, nil, false
	}
	for _, s := range secs {
		if s.columns == secs[best].columns {
			taken = append(taken, s)
		} else {
			left = append(left, s.title)
		}
	}
	return taken, left, true
}

// sectionOf reads a table's header: how many complaint fields it names
// exactly, and whether one of them is the opening date.
func sectionOf(title string, header, row int, rec []string) section {
	s := section{title: title, header: header, headerRow: row, columns: strings.Join(rec, "\x00")}
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

// rowRange is rows from to to, both included.
type rowRange struct{ from, to int }

// sectionSource reads the tables taken from a file of several (see
// ticketSections) as one: it passes over the rows between them (a
// table's title and header, another table) and ends at the last one's
// last row.
type sectionSource struct {
	recordSource
	lastRow int
	gaps    []rowRange
}

func (s *sectionSource) next() ([]string, int, error) {
	for {
		rec, row, err := s.recordSource.next()
		if err == nil && row > s.lastRow {
			return nil, row, io.EOF
		}
		if err == nil && slices.ContainsFunc(s.gaps, func(g rowRange) bool { return row >= g.from && row <= g.to }) {
			continue
		}
		return rec, row, err
	}
}

// takeSection takes, for a complaint import, the tables of tickets from
// a file of several (see ticketSections): it returns the records above
// the first one's header, has the rest read as its continuation and
// says which tables were read and which left out.
func (p *plan) takeSection(sc *schema) (skip int, ok bool) {
	if sc != complaintSchema {
		return 0, false
	}
	taken, left, ok := ticketSections(p)
	if !ok {
		return 0, false
	}
	titles := make([]string, len(taken))
	for k, s := range taken {
		titles[k] = s.title
		if k > 0 {
			p.sectionGaps = append(p.sectionGaps, rowRange{taken[k-1].lastRow + 1, s.headerRow})
		}
	}
	p.lastRow = taken[len(taken)-1].lastRow
	read := strings.Join(titles, "», «")
	if len(left) == 0 {
		p.warnings = append(p.warnings, warning(warnSectionsJoined, map[string]any{"Sections": read},
			"the file's tables of the same columns were read as one: «%s»", read))
		return taken[0].header, true
	}
	text := strings.Join(left, ", ")
	p.warnings = append(p.warnings, warning(warnSectionsSkipped, map[string]any{"Section": read, "Sections": text},
		"the file holds several tables: the tickets were read from «%s»; left out: %s", read, text))
	return taken[0].header, true
}
