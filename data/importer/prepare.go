package importer

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
)

// sampleRows is how many data rows detection looks at.
const sampleRows = 200

// plan is everything detected about a file before rows are read.
type plan struct {
	path   string
	origin string   // the file the user chose: path, or the archive path came from
	sheets []string // a workbook's sheets, for the user to choose from
	// member is the archive's table read, among members (see
	// prepareMembers): offered as a workbook's sheets are.
	member   string
	members  []string
	done     func() // removes path when it was unpacked (see close)
	base     string
	size     int64
	xlsx     bool
	date1904 bool // the workbook counts its dates from 1904 (see xlsxSource)
	// serialDates: a CSV whose dates are Excel serials (see serialDates).
	serialDates bool
	sheet       string
	enc         encodingGuess
	delim       rune
	lazyQuotes  bool // quotes inside unquoted cells are text (hasBareQuotes)
	skip        int  // title lines and blank rows above the header
	headerRows  int
	schema      *schema
	format      string
	cols        []column
	mapping     map[Field]int
	sample      [][]string
	dates       dateColumnStats
	order       DateOrder
	orderOK     bool
	dateLoc     *time.Location
	warnings    []Message

	// lastRow ends the tables taken from a file of several (see
	// ticketSections); 0 reads to the end. sectionGaps are the rows
	// between those tables.
	lastRow     int
	sectionGaps []rowRange

	// openedFromIDs: no column dates a ticket's opening, its id does
	// (see idDated).
	openedFromIDs bool

	// banned are the columns left out of the score: star ratings, a
	// review's rating (see starScale, reviewRecommend).
	banned map[int]bool

	// grouped: the first of two header rows heads groups of columns
	// (see groupHeading); the columns are named as by a one-row header.
	grouped bool
	merges  []cellRange // the sheet's merged ranges (of a workbook)
	fills   []cellRange // those merged down over data rows (see mergeFill)

	// scoreFrom1: the scores are Qualtrics' recode values 1-11 of the
	// 0-10 choices (see recodedFrom1); each is read one lower.
	scoreFrom1 bool

	// long holds the responses joined from a file of one row per
	// answer (see joinLong), read in place of the file.
	long *longSource

	// clocks: a date column's time of day in a column of its own (see
	// pairClocks), by the date column.
	clocks map[int]int

	// html: the file is an HTML table saved as .xls (see openHTML).
	html bool
	// xls: the file is an Excel 97-2003 workbook (see readXLS).
	xls bool
	// ods: the file is an OpenDocument spreadsheet (see readODS).
	ods bool
	// xml: the file is an Excel 2003 XML spreadsheet (see
	// readSpreadsheetML).
	xml bool
	// json: the file is a JSON export (see jsonRecords), laid out as
	// jsonLayout says.
	json       bool
	jsonLayout jsonLayout
	// clockCols are a workbook's columns formatted as a time of day
	// (h:mm), which their values alone do not tell from durations.
	clockCols map[int]bool
}

// underlying is the file's own source beneath a section's or merged
// cells' wrapper.
func underlying(src recordSource) recordSource {
	for {
		switch s := src.(type) {
		case *sectionSource:
			src = s.recordSource
		case *fillSource:
			src = s.recordSource
		default:
			return src
		}
	}
}

func (p *plan) open() (recordSource, error) {
	if p.long != nil {
		return p.long.reopen(), nil
	}
	src, err := p.openTable()
	if err != nil || p.lastRow <= 0 {
		return src, err
	}
	return &sectionSource{recordSource: src, lastRow: p.lastRow, gaps: p.sectionGaps}, nil
}

func (p *plan) openTable() (recordSource, error) {
	var src recordSource
	var err error
	switch {
	case p.html:
		src, err = openHTML(p.path)
	case p.xls:
		src, err = openXLS(p.path, p.sheet)
	case p.ods:
		src, err = openSheetTable(readODS, p.path, p.sheet, p.size)
	case p.xml:
		src, err = openSheetTable(readSpreadsheetML, p.path, p.sheet, p.size)
	case p.xlsx:
		src, err = openXLSX(p.path, p.sheet, p.size)
	case p.json:
		return openJSON(p.path, p.jsonLayout)
	default:
		return openCSV(p.path, p.enc.name, p.delim, p.lazyQuotes)
	}
	if err != nil || len(p.fills) == 0 {
		return src, err
	}
	return &fillSource{recordSource: src, fill: newMergeFill(p.fills)}, nil
}

func isBlank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// skipHeader reads past the title lines, leading blank rows and the
// header rows, returning the header rows (copied).
func skipHeader(src recordSource, skip, headerRows int) ([][]string, error) {
	for range skip {
		if _, _, err := src.next(); err == io.EOF {
			return nil, ErrEmptyFile
		} else if err != nil && !isRowError(err) {
			return nil, err
		}
	}
	return readHead(src, headerRows, headerRows)
}

// openRows opens the file at its first data row.
func (p *plan) openRows() (recordSource, error) {
	src, err := p.open()
	if err != nil {
		return nil, err
	}
	if _, err := skipHeader(src, p.skip, p.headerRows); err != nil {
		src.close()
		return nil, err
	}
	return src, nil
}

// headerError is a header row that cannot be split into columns (a
// quote mark out of place or never closed).
type headerError struct {
	row int
	msg Message
}

func (e *headerError) Error() string { return fmt.Sprintf("header (row %d): %s", e.row, e.msg.Text) }

func isRowError(err error) bool {
	var re *rowError
	return errors.As(err, &re)
}

// readHead reads up to want leading rows; a malformed row is an error
// within the first need rows and ends the read after them.
func readHead(src recordSource, want, need int) ([][]string, error) {
	var rows [][]string
	for len(rows) < want {
		rec, row, err := src.next()
		var re *rowError
		if errors.As(err, &re) {
			if len(rows) >= need {
				break
			}
			return nil, &headerError{row: row, msg: re.msg}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 && isBlank(rec) {
			continue
		}
		rows = append(rows, append([]string(nil), rec...))
	}
	if len(rows) == 0 {
		return nil, ErrEmptyFile
	}
	return rows, nil
}

// leadRows is how many leading records title detection looks at.
const leadRows = 12

// readLead reads up to n leading records as they are, blank ones
// included, and their row numbers; a malformed record ends the read.
func readLead(src recordSource, n int) ([][]string, []int, error) {
	var rows [][]string
	var nums []int
	for len(rows) < n {
		rec, row, err := src.next()
		var re *rowError
		if errors.As(err, &re) && len(rows) == 0 {
			// The first record is the header or a title over it: a
			// quote that swallows the file leaves nothing to read.
			return nil, nil, &headerError{row: row, msg: re.msg}
		}
		if err == io.EOF || isRowError(err) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, append([]string(nil), rec...))
		nums = append(nums, row)
	}
	return rows, nums, nil
}

func filled(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// titleRows counts the records above the header: report titles ("NPS
// survey, November 2024"), notes and blank lines that spreadsheets and
// accounting programs put before the table. A title has one filled cell
// while a later record (the header) has several.
func titleRows(lead [][]string) int {
	skip := 0
	for i, r := range lead {
		n := filled(r)
		if n >= 2 {
			break
		}
		wider := false
		for _, later := range lead[i+1:] {
			if filled(later) >= 2 {
				wider = true
				break
			}
		}
		if !wider {
			break
		}
		skip = i + 1
	}
	return skip
}

// prepare detects the encoding, delimiter, header rows, layout, mapping
// and date format of a file for the fields of sc. An archive's tables are
// unpacked (see unpack) and chosen among as a workbook's sheets: the
// plan's close removes them.
func prepare(path string, opt Options, sc *schema) (*plan, error) {
	tables, done, err := unpack(path)
	if err != nil {
		base := filepath.Base(path)
		return nil, inFile(base, fileError(base, err))
	}
	var p *plan
	if len(tables) == 1 {
		p, err = prepareFile(tables[0], path, opt, sc)
	} else {
		p, err = prepareMembers(tables, path, opt, sc)
	}
	if err != nil {
		done()
		return nil, err
	}
	p.done = done
	return p, nil
}

// prepareMembers prepares the table of an archive's that opt.Sheet names,
// or else the one that maps the most fields, offering the others.
func prepareMembers(tables []string, origin string, opt Options, sc *schema) (*plan, error) {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = filepath.Base(t)
	}
	prep := func(i int) (*plan, error) {
		o := opt
		o.Sheet = "" // the table's own sheet, if it is a workbook
		p, err := prepareFile(tables[i], origin, o, sc)
		if err == nil {
			p.member, p.members = names[i], names
		}
		return p, err
	}
	if opt.Sheet != "" {
		i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, opt.Sheet) })
		if i < 0 {
			_, err := chooseSheet(origin, names, opt.Sheet)
			return nil, inFile(filepath.Base(origin), err)
		}
		return prep(i)
	}
	best, _, err := bestPlan(len(tables), prep)
	return best, err
}

// close removes what prepare unpacked for the plan.
func (p *plan) close() {
	if p.done != nil {
		p.done()
		p.done = nil
	}
}

// prepareFile prepares the table file at path, which the user knows as
// origin (an archive it was unpacked from, or path itself): messages name
// origin's file and rejects go beside it.
func prepareFile(path, origin string, opt Options, sc *schema) (*plan, error) {
	base := filepath.Base(origin)
	wrap := func(err error) error { return inFile(base, fileError(base, err)) }
	st, err := os.Stat(path)
	if err != nil {
		return nil, wrap(err)
	}
	if st.IsDir() {
		return nil, wrap(errFolder)
	}
	p := &plan{path: path, origin: origin, base: base, size: st.Size(), xlsx: isXLSX(path), schema: sc}
	if refused, err := otherFormat(path); err != nil || refused != nil {
		if refused != nil {
			err = refused
		}
		return nil, wrap(err)
	}
	// otherFormat let through only the compound files that are readable
	// workbooks; an OpenDocument package is a ZIP as an XLSX is.
	p.xls, p.ods = isXLS(path), isODS(path)
	p.xlsx = p.xlsx && !p.ods
	p.xml = !p.xlsx && !p.xls && !p.ods && isSpreadsheetML(path)
	// Sheets of workbooks in other formats than XLSX are ranked by their
	// cells; an XLSX's by its dimensions and pivot tables.
	var sheets []string
	switch {
	case p.xlsx:
		if refused := badWorkbook(path, p.base); refused != nil {
			return nil, wrap(refused)
		}
		if opt.Sheet == "" {
			sheets, _ = workbookSheets(path)
		}
	case p.xls:
		book, err := readXLS(path)
		if err != nil {
			return nil, wrap(err)
		}
		sheets = book.sheetNames()
	case p.ods:
		// Read whole to rank only when the importer must choose; a sheet
		// chosen (each of prepareSheets' in turn) needs the names alone.
		if sheets, err = odsSheetNames(path, opt.Sheet == ""); err != nil {
			return nil, wrap(err)
		}
	case p.xml:
		if sheets, err = spreadsheetMLSheetNames(path, opt.Sheet == ""); err != nil {
			return nil, wrap(err)
		}
	}
	if opt.Sheet == "" && len(sheets) > 1 {
		return prepareSheets(path, origin, opt, sc, sheets)
	}
	p.sheets = sheets
	switch {
	case p.xlsx:
		if p.sheet, p.merges, err = pickSheet(path, opt.Sheet); err != nil {
			return nil, wrap(err)
		}
		if len(p.sheets) == 0 {
			p.sheets, _ = sheetList(path)
		}
	case p.xls, p.ods, p.xml:
		if p.sheet, err = chooseSheet(path, sheets, opt.Sheet); err != nil {
			return nil, wrap(err)
		}
	default:
		if p.json = isJSON(path); p.json {
			// Every record's keys make the header: a key the first
			// records lack is still a column.
			if p.jsonLayout, err = jsonColumns(path); err != nil {
				return nil, wrap(err)
			}
		} else if p.html, err = isHTMLPage(path); err != nil {
			return nil, wrap(err)
		}
	}
	if p.html {
		// The page's own charset decodes it (see openHTML): like a
		// workbook's, its encoding is no choice of the user's.
		if page, err := openHTML(path); err != nil {
			return nil, wrap(err)
		} else if len(page.rows) == 0 {
			return nil, wrap(&MessageError{Message: warning(errHTMLPage, nil, "%s", ErrHTMLPage.Error()), Err: ErrHTMLPage})
		}
	}
	if p.cells() {
		p.enc = encodingGuess{name: "", sure: true}
	} else {
		enc, err := normaliseEncoding(opt.Encoding)
		if err != nil {
			return nil, wrap(err)
		}
		if enc != "" {
			p.enc = encodingGuess{name: enc, sure: true}
		} else {
			f, err := os.Open(path)
			if err != nil {
				return nil, wrap(err)
			}
			p.enc, err = detectEncoding(f)
			f.Close()
			if err != nil {
				return nil, wrap(err)
			}
			if w, ok := p.enc.warning(); ok {
				p.warnings = append(p.warnings, w)
			}
		}
		p.delim = opt.Delimiter
		if p.delim == 0 {
			if p.delim, err = detectDelimiter(path, p.enc.name); err != nil {
				return nil, wrap(err)
			}
		}
		if p.lazyQuotes, err = hasBareQuotes(path, p.enc.name, p.delim); err != nil {
			return nil, wrap(err)
		}
	}

	sectionSkip, sectioned := p.takeSection(sc)
	src, err := p.open()
	if err != nil {
		return nil, wrap(err)
	}
	defer src.close()
	switch s := underlying(src).(type) {
	case *xlsxSource:
		p.date1904, p.clockCols = s.date1904, s.clockColumns()
	case *tableRows:
		p.clockCols = s.clocks
		if p.xls || p.ods || p.xml {
			p.merges = s.merges
		}
	}
	lead, nums, err := readLead(src, leadRows+sectionSkip)
	if err != nil {
		return nil, wrap(err)
	}
	p.skip = titleRows(lead)
	if r := p.skip - 1; r >= 0 && p.workbook() && opt.HeaderRows != 1 && loneGroupHeading(lead[r:], p.merges, nums[r]) {
		// One group heading over a few of the names is the header's
		// first row, not a title: the names under it are grouped.
		p.skip = r
	}
	if sectioned {
		p.skip = min(sectionSkip, len(lead))
	}
	if p.skip > 0 && !sectioned {
		var titles []string
		for _, r := range lead[:p.skip] {
			// Excel's "sep=;" line says how the file is delimited: no
			// title to tell the user about.
			if t := strings.Join(strings.Fields(strings.Join(r, " ")), " "); t != "" && !strings.HasPrefix(strings.ToLower(t), "sep=") {
				titles = append(titles, t)
			}
		}
		if len(titles) > 0 {
			text := strings.Join(titles, " / ")
			p.warnings = append(p.warnings, warning(warnTitleSkipped, map[string]any{"Rows": len(titles), "Text": text},
				"the lines above the header were skipped as a title: %q", text))
		}
	}
	rs := &rowTracker{recordSource: &sliceSource{rows: lead[p.skip:], nums: nums[p.skip:], rest: src}}
	head, err := readHead(rs, max(3, opt.HeaderRows), max(1, opt.HeaderRows))
	if err != nil {
		return nil, wrap(err)
	}
	headRow := rs.last - len(head) + 1 // readHead's rows follow each other
	auto := detectHeaderRows(head)
	p.headerRows = opt.HeaderRows
	if p.headerRows <= 0 {
		p.headerRows = auto
	}
	// A merged group heading over the names makes a second header row,
	// told by the merges, not by SurveyMonkey's words; groups headed in
	// turn by a wider one make a third. A preview's rows, passed back by
	// the wizard, are read the same way.
	if auto == 1 && groupHeading(head, p.merges, headRow) {
		levels := 2
		if len(head) > 2 && groupHeading(head[1:], p.merges, headRow+1) {
			levels = 3
		}
		if opt.HeaderRows <= 0 || opt.HeaderRows == levels {
			p.headerRows, p.grouped = levels, true
		}
	}
	if p.headerRows > len(head) {
		return nil, wrap(ErrEmptyFile)
	}
	if p.grouped {
		p.cols = groupedColumns(head[:p.headerRows], p.merges, headRow)
	} else {
		p.cols = buildColumns(head[:p.headerRows], p.headerRows)
	}
	if len(p.cols) > maxColumns {
		return nil, wrap(tooManyColumns(p.base, len(p.cols)))
	}
	for r, rec := range head[:p.headerRows] {
		for i, c := range rec {
			if len(c) > maxCellChars && utf8.RuneCountInString(c) > maxCellChars {
				return nil, wrap(headerTooLong(p.base, headRow+r, i))
			}
		}
	}
	if p.fills = dataFills(p.merges, headRow+p.headerRows); len(p.fills) > 0 {
		p.warnings = append(p.warnings, mergedWarning(p.fills))
	}
	fill := newMergeFill(p.fills)
	for i, rec := range head[p.headerRows:] {
		if sc != complaintSchema || !columnNumbers(rec, len(p.cols)) {
			p.sample = append(p.sample, fill.apply(rec, headRow+p.headerRows+i))
		}
	}
	for len(p.sample) < sampleRows {
		rec, err := nextGoodRecord(rs)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, wrap(err)
		}
		if p.dataRow(rec) {
			p.sample = append(p.sample, fill.apply(append([]string(nil), rec...), rs.last))
		}
	}
	if !slices.ContainsFunc(p.sample, p.dataRow) {
		// Imported, a file of headings alone would leave an empty
		// import in the list: it is refused before anything is stored.
		if none, err := p.noDataRows(); err != nil {
			return nil, wrap(err)
		} else if none {
			return nil, wrap(&MessageError{Message: warning(errNoRows, map[string]any{"File": base},
				"the file %s has column headings but no rows of data: check that it is the right file and that it was exported or downloaded in full", base), Err: ErrNoRows})
		}
	}

	if sc == feedbackSchema && p.headerRows == 1 && !p.grouped {
		if l, ok := detectLong(p.cols, p.sample); ok {
			if err := p.joinLong(l); err != nil {
				return nil, wrap(err)
			}
		}
	}
	p.format = opt.Format
	if p.format == "" {
		p.format = sc.detect(p.cols, p.formatRows())
	}
	p.warnings = append(p.warnings, duplicateWarnings(p.cols)...)
	// A review platform's 1-5 stars fit the 0-10 range: a column of them
	// taken for the score would make every reviewer a detractor. It is
	// left out and the mapping made again, for another column may hold
	// the 0-10 answers.
	p.serialDates = !p.xlsx && serialDates(sc, p.cols, p.sample)
	banned := map[int]bool{}
	quiz := p.quizTotal()
	for {
		skip := maps.Clone(banned)
		if quiz >= 0 {
			skip[quiz] = true
		}
		p.mapping = detectMapping(sc, p.format, p.cols, p.sample, p.excelDates(), skip)
		i, ok := p.mapping[FieldScore]
		if !ok || sc != feedbackSchema {
			break
		}
		if !p.starScale(i) && p.reviewRecommend(i) < 0 {
			// Past the stars, a column without one score in it
			// (Datafiniti's empty or TRUE/FALSE "reviews.doRecommend")
			// is no 0-10 question: the file is a review export.
			// Nor is a 0/1 indicator (the Women's Clothing reviews'
			// "Recommended IND").
			if len(banned) > 0 && (!scoreAnswers(p.sample, i) || binaryColumn(p.sample, i)) {
				delete(p.mapping, FieldScore)
			}
			break
		}
		banned[i] = true
	}
	p.banned = banned
	_, explicitID := opt.Mapping[FieldExternalID]
	if i, ok := p.mapping[FieldExternalID]; ok && !explicitID && (rowCounter(p.cols[i].norm, p.sample, i) || sc == feedbackSchema && formCounter(p.cols, p.sample, i)) {
		// Taken for an id, a register's monthly files, each numbered from
		// 1, would look like copies of each other and add nothing.
		delete(p.mapping, FieldExternalID)
		col := p.columnNames()[i]
		p.warnings = append(p.warnings, warning(warnRowNumbers, map[string]any{"Column": col},
			"column %q numbers the rows (1, 2, 3…), so it is no id: rows are told apart by their content", col))
	}
	if i, ok := p.mapping[FieldExternalID]; ok && !explicitID && sc == feedbackSchema && sharedIDs(p.sample, i) {
		// A product's or a location's id, the same on most rows, taken
		// for the response's would make all but one answer a duplicate.
		delete(p.mapping, FieldExternalID)
		col := p.columnNames()[i]
		p.warnings = append(p.warnings, warning(warnSharedIDs, map[string]any{"Column": col},
			"column %q holds the same value on different answers, so it is no response id: rows are told apart by their content", col))
	}
	for f, name := range opt.Mapping {
		if name == "" {
			delete(p.mapping, f)
			continue
		}
		i := findColumn(p.cols, name)
		if i < 0 {
			return nil, wrap(fmt.Errorf("%w: %q for %s", ErrUnknownColumn, name, f))
		}
		for g, j := range p.mapping {
			if j == i && opt.Mapping[g] == "" {
				delete(p.mapping, g)
			}
		}
		p.mapping[f] = i
	}
	if sc.reshape != nil {
		sc.reshape(p, opt)
	}

	if _, opened := p.mapping[FieldOpened]; !opened && sc == complaintSchema {
		p.openedFromIDs = p.idDated()
	}
	// A change log opens a ticket at its first change when no column
	// dates the creation: no other date is taken for it. Team files'
	// dates (a hiring, a course's start) are not guessed.
	if _, asked := opt.Mapping[sc.dates[0]]; !asked && opt.FileDate.IsZero() && !p.changeLog() && (sc == feedbackSchema || sc == complaintSchema) {
		if p.openedFromIDs {
			col := p.cols[p.mapping[FieldExternalID]].name
			p.warnings = append(p.warnings, warning(warnOpenedFromIDs, map[string]any{"Column": col},
				"the file has no creation date: each ticket's opening is read from its id in %q, which holds the second it was created", col))
		} else {
			p.dateByValues()
		}
	}
	p.pairClocks(opt)
	if _, asked := opt.Mapping[FieldScore]; !asked && sc == feedbackSchema {
		p.scoreByGroup()
		p.scoreByValues()
		if _, ok := p.mapping[FieldScore]; ok && p.surveyType() != "" {
			// Delighted's CSAT, CES, 5-star, smileys and thumbs surveys
			// answer in its "score" too: noScore says why none is taken.
			delete(p.mapping, FieldScore)
		}
	}
	if _, asked := opt.Mapping[FieldComment]; !asked && sc == feedbackSchema {
		p.commentByTextID()
		p.commentByValues()
	}
	if _, asked := opt.Mapping[FieldClient]; !asked && sc == feedbackSchema {
		p.clientByEmail()
	}
	if _, asked := opt.Mapping[FieldStatus]; !asked && sc == complaintSchema {
		_, resolutionAsked := opt.Mapping[FieldResolution]
		p.statusByValues(!resolutionAsked)
		p.statusByFlag()
	}
	if i, ok := p.mapping[FieldScore]; ok && sc == feedbackSchema && opt.Mapping[FieldScore] != "" {
		col := p.columnNames()[i]
		if t := p.surveyType(); t != "" {
			p.warnings = append(p.warnings, warning(warnSurveyType, map[string]any{"Column": col, "Type": t},
				"the file's survey type is %q, not NPS: column %q imported as scores, its answers give no true NPS", t, col))
		} else if p.starScale(i) {
			p.warnings = append(p.warnings, warning(warnStarRatings, map[string]any{"Column": col},
				"column %q looks like star ratings (1-5), not 0-10 recommendation scores: imported as scores, every 5 stars counts as a detractor", col))
		} else if rec := p.reviewRecommend(i); rec >= 0 {
			yn := p.columnNames()[rec]
			p.warnings = append(p.warnings, warning(warnReviewRating, map[string]any{"Column": col, "Recommend": yn},
				"column %q looks like a review's rating, beside the yes/no answers of %q, not 0-10 recommendation scores: imported as scores, they give no true NPS", col, yn))
		} else if w, ok := p.mappedScale(i); ok {
			p.warnings = append(p.warnings, w)
		} else if otherMetric(p.cols[i]) {
			p.warnings = append(p.warnings, warning(warnOtherMetric, map[string]any{"Column": col},
				"column %q asks about the client's effort or satisfaction, not how likely they are to recommend: imported as scores, its answers give no true NPS", col))
		}
	} else if ok && sc == feedbackSchema {
		// A score found by a bare "Score" or "Rating" whose answers are
		// all 1 to 5, too few to call them stars, or the recommendation
		// question asked on a 1-5 scale (see mappedScale): imported, but
		// not without a word.
		if w, ok := p.mappedScale(i); ok {
			p.warnings = append(p.warnings, w)
		}
	}
	if i, ok := p.mapping[FieldScore]; ok && sc == feedbackSchema && p.format == FormatQualtrics && recodedFrom1(p.sample, i) {
		p.scoreFrom1 = true
		col := p.columnNames()[i]
		p.warnings = append(p.warnings, warning(warnScoreFrom1, map[string]any{"Column": col},
			"column %q holds 1 to 11, Qualtrics' recode values of the 0-10 choices: each is read one lower (11 is 10, 1 is 0)", col))
	}
	if _, seg := p.mapping[FieldSegment]; seg {
		if _, client := p.mapping[FieldClient]; !client {
			p.warnings = append(p.warnings, warning(warnSegmentNoClient, map[string]any{"Column": p.columnNames()[p.mapping[FieldSegment]]},
				"column %q holds client segments, but no client column is mapped: segments are stored with clients only", p.columnNames()[p.mapping[FieldSegment]]))
		}
	}
	if sc, ok := p.mapping[FieldScore]; ok && len(p.sample) > 0 && columnEmpty(p.sample, sc) {
		col := p.columnNames()[sc]
		p.warnings = append(p.warnings, warning(warnScoreColumnEmpty, map[string]any{"Column": col, "Rows": len(p.sample)},
			"column %q has no score in the first %d rows: those responses count in no NPS; if the scores are in another column, map it (--map score=COLUMN)", col, len(p.sample)))
	}

	p.dateLoc = opt.Location
	if p.dateLoc == nil {
		p.dateLoc = time.Local
	}
	if dc, ok := p.mapping[sc.dates[0]]; ok {
		if loc := p.cols[dc].loc; loc != nil {
			p.dateLoc = loc
		}
	}
	p.orderOK = true // no date column, no order to ask about
	if dcs := p.dateColumns(); len(dcs) > 0 {
		for _, r := range p.sample {
			p.addDates(&p.dates, r, dcs)
		}
		p.order, p.orderOK = opt.DateOrder, true
		if p.order == DateAuto {
			p.order = headerOrder(p.cols, dcs)
		}
		if p.order == DateAuto {
			// The file's other date columns, such as a deadline: an
			// export writes its dates alike, and a 15/02/2025 there tells
			// how to read an opening's 03/02/2025.
			var other dateColumnStats
			if p.dates.needsOrder() {
				// The sample cannot tell dd/mm from mm/dd: ask the
				// whole columns, and the other date columns in the same
				// pass.
				if err := p.scanDateColumns(dcs, p.otherDateColumns(), &other); err != nil {
					return nil, wrap(err)
				}
			}
			p.order, p.orderOK = p.dates.order()
			if !p.orderOK {
				p.order, p.orderOK = other.provenOrder()
			}
			if !p.orderOK && p.format == FormatCFPB {
				// The CFPB, a US agency, writes month/day.
				p.order, p.orderOK = MDY, true
			}
		}
	}
	return p, nil
}

// quizTotal is the column of a Google Forms quiz's total points, -1 if
// none. A form made a quiz writes "Score" («Баллы» in Russian) after
// "Timestamp": "4 / 5", or "0" when no question earns points. It is no
// answer of the recommendation question, though "Score" names the field:
// it is left out when its values are points out of a total or a column
// asks the recommendation question; a form's own question titled "Score"
// stays the score.
func (p *plan) quizTotal() int {
	if p.schema != feedbackSchema || p.format != FormatGoogleForms {
		return -1
	}
	i := slices.IndexFunc(p.cols, func(c column) bool { return c.norm == "score" || c.norm == "баллы" })
	if i < 0 {
		return -1
	}
	if slices.ContainsFunc(p.cols, npsHeader) {
		return i
	}
	for _, r := range p.sample {
		if i < len(r) && strings.Contains(r[i], "/") {
			return i
		}
	}
	return -1
}

// excelDates reports whether the file's dates may be Excel serials: a
// workbook's, or a CSV's saved from one (see serialDates).
func (p *plan) excelDates() bool { return p.xlsx || p.serialDates }

// cells reports whether the file's rows come as cells (a workbook, a web
// page's table, JSON records) rather than as lines of delimited text: a
// row may then end before its last empty cells, and its encoding is the
// file's own.
func (p *plan) cells() bool { return p.workbook() || p.html || p.json }

// workbook reports whether the file is a spreadsheet's own file, whose
// cells are typed: XLSX, XLS, ODS or Excel 2003 XML.
func (p *plan) workbook() bool { return p.xlsx || p.xls || p.ods || p.xml }

// freeColumn returns the first column headed by one of headers (read with
// "_" as a space) that no field holds, -1 when there is none: the columns
// an import reads beside the fields (a time of day, a time zone, a
// duplicate flag).
func (p *plan) freeColumn(headers []string) int {
	i := slices.IndexFunc(p.cols, func(c column) bool { return slices.Contains(headers, spaced(c.norm)) })
	if i < 0 || p.mappedColumns()[i] {
		return -1
	}
	return i
}

// maxSheets is how many sheets of a workbook prepareSheets looks at.
const maxSheets = 8

// prepareSheets prepares the sheet of a workbook whose columns map the
// most fields of sc: a summary or pivot sheet beside the answers (a row
// per score, counted by formulas) may be the bigger, but maps little
// more than a score. Among equals the sheet rankSheets puts first wins.
func prepareSheets(path, origin string, opt Options, sc *schema, sheets []string) (*plan, error) {
	sheets = sheets[:min(len(sheets), maxSheets)]
	best, plans, err := bestPlan(len(sheets), func(i int) (*plan, error) {
		o := opt
		o.Sheet = sheets[i]
		return prepareFile(path, origin, o, sc)
	})
	if err != nil {
		return nil, err
	}
	if w, ok := otherAnswerSheets(best, plans); ok {
		best.warnings = append(best.warnings, w)
	}
	return best, nil
}

// bestPlan prepares each of n candidates (a workbook's sheets, an
// archive's tables) and returns the one that maps the most fields, the
// first among equals, with all those prepared; the first error when none
// could be.
func bestPlan(n int, prep func(i int) (*plan, error)) (*plan, []*plan, error) {
	var best *plan
	var first error
	var plans []*plan
	for i := range n {
		p, err := prep(i)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		plans = append(plans, p)
		if best == nil || len(p.mapping) > len(best.mapping) {
			best = p
		}
	}
	if best == nil {
		return nil, nil, first
	}
	return best, plans, nil
}

// otherAnswerSheets warns when sheets of the workbook other than the one
// imported also hold dated, scored answers: Google Sheets adds «Ответы на
// форму (2)» ("Form Responses 2") beside the first when a form is linked
// again, and a manager keeps last year's answers on a sheet of their own.
// Only one sheet is imported; the others' answers would be left out
// unsaid. A summary sheet (a score and a count) has no dates and is no
// such sheet.
func otherAnswerSheets(best *plan, plans []*plan) (Message, bool) {
	if best.schema != feedbackSchema {
		return Message{}, false
	}
	var others []string
	for _, p := range plans {
		_, scored := p.mapping[FieldScore]
		_, dated := p.mapping[FieldDate]
		if p != best && scored && dated && len(p.sample) > 0 {
			others = append(others, p.sheet)
		}
	}
	if len(others) == 0 {
		return Message{}, false
	}
	list := quotedList(others)
	return warning(warnOtherSheets, map[string]any{"Sheet": best.sheet, "Sheets": list},
		"only sheet %q is imported; other sheets hold answers too: %s. Import each of them in turn (--sheet NAME)", best.sheet, list), true
}

// otherFormats are files no import reads, known by their first bytes
// whatever their names say, each with the message saying what to do:
// read as text, they gave a screen of garbage.
var otherFormats = []struct {
	at    int
	magic string
	code  string
	text  string
}{
	{0, oleMagic, errOldExcel, "this file is an Office document that holds no workbook CareDesk reads (a Word document, an Excel 4.0 or older workbook): open it in Excel or LibreOffice Calc and save it as XLSX or CSV, then import that file"},
	{0, "%PDF-", errPDF, "this file is a PDF document, not a table: export the data from the program that made it as CSV or XLSX"},
}

// unreadable are the files of a kind the import reads that could not be
// read, by the cause, each with the message saying what to do.
var unreadable = []struct {
	cause error
	code  string
	text  string
}{
	{errEncryptedWorkbook, errEncrypted, "%s is protected by a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it, then import the saved file"},
	{errXLSDamaged, errDamagedXLS, "%s is an Excel 97-2003 workbook that cannot be read (it is damaged or cut short): open it in Excel or LibreOffice Calc and save it again as XLSX or CSV, then import that file"},
	{errODSDamaged, errDamagedODS, "%s is an OpenDocument spreadsheet that cannot be read (it is damaged or cut short): open it in LibreOffice Calc and save it again, as ODS, XLSX or CSV, then import that file"},
	{errSpreadsheetMLDamaged, errDamagedSpreadsheetML, "%s is an Excel 2003 XML spreadsheet that cannot be read (it is cut short or damaged): open it in Excel or LibreOffice Calc and save it as XLSX or CSV, then import that file"},
	{errJSONDamaged, errDamagedJSON, "%s is a JSON file that cannot be read (it is cut short or damaged): export it again, or as CSV"},
	{errJSONNoRecords, errJSONNoRecordsKey, "%s is JSON without records: an export lists each ticket or answer as an object ({\"id\": ..., \"created_at\": ...}); export the records, or a CSV"},
}

// unreadableRefusal is the message for a file err says could not be read
// (see unreadable); nil for other errors.
func unreadableRefusal(base string, err error) *MessageError {
	for _, u := range unreadable {
		if errors.Is(err, u.cause) {
			return &MessageError{Message: warning(u.code, map[string]any{"File": base}, u.text, base), Err: ErrOtherFormat}
		}
	}
	return nil
}

// errFolder is the cause of a refusal of a folder given for a file.
var errFolder = errors.New("is a folder")

// fileError gives the errors of a file that cannot be read at all (not
// found, a folder, no permission, nothing in it) a message that says
// what to do, in the user's language; other errors are returned as they
// are. errors.Is still finds the cause (fs.ErrNotExist, ErrEmptyFile).
func fileError(base string, err error) error {
	var me *MessageError
	if errors.As(err, &me) {
		return err
	}
	if refused := unreadableRefusal(base, err); refused != nil {
		return refused
	}
	args := map[string]any{"File": base}
	var he *headerError
	switch {
	case errors.As(err, &he):
		args["Row"] = he.row
		return &MessageError{Message: warning(errHeaderQuote, args,
			"the header of %s (row %d) cannot be read: a quote mark is out of place or never closed (%s); open the file in a text editor, fix the quote marks of that line and import again",
			base, he.row, he.msg.Text), Err: err}
	case errors.Is(err, ErrEmptyFile):
		return &MessageError{Message: warning(errEmptyFile, args,
			"%s is empty: it has no header row and no data; check that it is the right file and that it was saved in full", base), Err: err}
	case errors.Is(err, fs.ErrNotExist):
		return &MessageError{Message: warning(errNoFile, args,
			"%s was not found: check its name and folder", base), Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &MessageError{Message: warning(errNoAccess, args,
			"%s cannot be read: you have no permission to open it; copy it to a folder of yours or ask for access", base), Err: err}
	case errors.Is(err, errFolder):
		return &MessageError{Message: warning(errIsFolder, args,
			"%s is a folder, not a file: choose the CSV or XLSX file inside it", base), Err: err}
	}
	return err
}

// maxColumns is the most columns a table may have: Excel's limit
// (column XFD). A wider "table" is no export of a spreadsheet or survey
// tool, and detecting its layout would take minutes.
const maxColumns = 16384

// tooManyColumns refuses a table of n columns.
func tooManyColumns(base string, n int) *MessageError {
	return &MessageError{Message: warning(errTooManyColumns, map[string]any{"File": base, "Columns": n, "Max": maxColumns},
		"%s has %d columns, more than the %d a spreadsheet can hold: check that it is the right file and that its delimiter is right, or save only the needed columns as CSV", base, n, maxColumns),
		Err: ErrOtherFormat}
}

// maxCellChars is the most characters a header cell may hold: Excel's
// limit for any cell. A longer "name" is a damaged file or no table at
// all (a text without line breaks), and matching it against the known
// headers took minutes.
const maxCellChars = 32767

// headerTooLong refuses a header whose cell in row, column col (0-based)
// is longer than maxCellChars.
func headerTooLong(base string, row, col int) *MessageError {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return &MessageError{Message: warning(errHeaderTooLong, map[string]any{"File": base, "Row": row, "Column": name, "Max": maxCellChars},
		"the header of %s has a cell (row %d, column %s) longer than the %d characters a spreadsheet cell holds: the file is damaged or is not a table; check that it is the right file, or open it in a spreadsheet and save it again as CSV", base, row, name, maxCellChars),
		Err: ErrOtherFormat}
}

// badWorkbook refuses an .xlsx file that is no readable workbook: cut
// short in a download, damaged, a ZIP archive of other files, or a text
// file under an .xlsx name. excelize's own words ("EOF", "zip: not a
// valid zip file") do not tell the user what to do.
func badWorkbook(path, base string) *MessageError {
	z, err := zip.OpenReader(path)
	if err == nil {
		defer z.Close()
		for _, f := range z.File {
			if strings.EqualFold(f.Name, "xl/workbook.xml") || strings.EqualFold(f.Name, "xl/workbook.bin") {
				return nil
			}
		}
	}
	return &MessageError{Message: warning(errBadWorkbook, map[string]any{"File": base},
		"%s is not a readable XLSX workbook (it is damaged, cut short, or another kind of file under an .xlsx name): open it in Excel or LibreOffice Calc and save it again as XLSX or CSV; if it is a CSV file, rename it to .csv", base),
		Err: ErrOtherFormat}
}

// encryptedPackage is the stream name, in UTF-16LE as an OLE2 directory
// holds it, of a password-protected Office file: Excel saves an
// encrypted XLSX as an OLE2 container, which would otherwise pass for an
// Excel 97-2003 workbook.
var encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")

// otherFormat refuses a file that is one of otherFormats; nil when it is
// none of them.
func otherFormat(path string) (*MessageError, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	head = head[:n]
	base := filepath.Base(path)
	if bytes.HasPrefix(head, []byte(oleMagic)) && bytes.Contains(head, encryptedPackage) {
		return unreadableRefusal(base, errEncryptedWorkbook), nil
	}
	if bytes.HasPrefix(head, []byte(oleMagic)) {
		if _, err := readXLS(path); err == nil {
			return nil, nil // a workbook of Excel 97-2003, read as one
		} else if refused := unreadableRefusal(base, err); refused != nil {
			return refused, nil
		}
	}
	for _, o := range otherFormats {
		if end := o.at + len(o.magic); end <= n && string(head[o.at:end]) == o.magic {
			return &MessageError{Message: warning(o.code, nil, "%s", o.text), Err: ErrOtherFormat}, nil
		}
	}
	if bytes.HasPrefix(head, []byte("\x1F\x8B")) || bytes.HasPrefix(head, []byte("PK\x03\x04")) && !isXLSX(path) && !isODS(path) {
		// A gzip or ZIP archive under a text name (a workbook misnamed
		// .csv is read as the workbook it is).
		return &MessageError{Message: warning(errArchive, map[string]any{"File": base},
			"%s is a compressed archive (ZIP or gzip), not a table: unpack it and import the CSV or XLSX file inside", base),
			Err: ErrOtherFormat}, nil
	}
	return nil, nil
}

// isHTMLPage reports whether a file is a web page rather than text
// separated by commas: Bitrix24 and other web apps save an HTML table
// under the name ".xls" (read by openHTML). Such a file starts, after a
// byte order mark and blank space, with "<" and holds a <table> or
// <html> tag.
func isHTMLPage(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 4<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return false, err
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(text) == 0 || text[0] != '<' {
		return false, nil
	}
	lower := bytes.ToLower(text)
	return bytes.Contains(lower, []byte("<table")) || bytes.Contains(lower, []byte("<html")), nil
}

// columnEmpty reports whether column col is missing or empty in every row.
func columnEmpty(rows [][]string, col int) bool {
	for _, r := range rows {
		if col < len(r) && !isMissing(r[col]) {
			return false
		}
	}
	return true
}

// dateColumns lists the mapped date columns.
func (p *plan) dateColumns() []int {
	var dcs []int
	for _, f := range p.schema.dates {
		if i, ok := p.mapping[f]; ok {
			dcs = append(dcs, i)
		}
	}
	return dcs
}

func (p *plan) addDates(st *dateColumnStats, rec []string, dcs []int) {
	for _, dc := range dcs {
		if dc < len(rec) {
			st.add(strings.TrimSpace(rec[dc]), p.excelDates())
		}
	}
}

// otherDateColumns are the columns no field is mapped to whose sample
// holds dates written with numbers (05/03/2024).
func (p *plan) otherDateColumns() []int {
	used := p.mappedColumns()
	var others []int
	for i := range p.cols {
		if used[i] {
			continue
		}
		var st dateColumnStats
		for _, r := range p.sample {
			p.addDates(&st, r, []int{i})
		}
		if st.kinds[kindNumeric] > 0 {
			others = append(others, i)
		}
	}
	return others
}

// scanDateColumns reads every date of columns dcs into p.dates, and of
// columns others into *other, in one pass over the file.
func (p *plan) scanDateColumns(dcs, others []int, other *dateColumnStats) error {
	src, err := p.openRows()
	if err != nil {
		return err
	}
	defer src.close()
	var st, rest dateColumnStats
	for {
		rec, err := nextGoodRecord(src)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		p.addDates(&st, rec, dcs)
		p.addDates(&rest, rec, others)
	}
	p.dates, *other = st, rest
	return nil
}

// columnNames returns the names shown for each column.
func (p *plan) columnNames() []string { return displayNames(p.cols) }

// displayNames names the columns for the user; duplicates get their
// number, "Comment (#4)", so that a mapping names one column only.
func displayNames(cols []column) []string {
	names := make([]string, len(cols))
	seen := map[string]int{}
	for _, c := range cols {
		seen[c.name]++
	}
	for i, c := range cols {
		names[i] = c.name
		if seen[c.name] > 1 {
			names[i] = c.name + " (#" + strconv.Itoa(i+1) + ")"
		}
	}
	return names
}

// formCounter reports whether a Microsoft Forms export's "ID" («ИД»)
// only counts its answers 1, 2, 3… down every sampled row, as the tool
// numbers a form's responses: a copy of the form (next month's) numbers
// its own from 1 under the same headers, and taken for ids its answers
// would be skipped as copies. Microsoft Forms keeps no partial answers, so
// told apart by their content the same answers are still known again.
// Other tools' ids that start at 1 (LimeSurvey's, a help desk's) name
// one answer or ticket across exports whose content changes, and stay.
func formCounter(cols []column, sample [][]string, i int) bool {
	if h := cols[i].norm; h != "id" && h != "ид" || len(sample) < 2 ||
		!hasHeader(cols, "completion time", "время завершения") || !hasHeader(cols, "start time", "время начала") {
		return false
	}
	for k, rec := range sample {
		if i >= len(rec) || strings.TrimSpace(rec[i]) != strconv.Itoa(k+1) {
			return false
		}
	}
	return true
}

// counterHeaders are headers a register writes over its row numbers.
var counterHeaders = []string{"#", "№", "no", "no.", "n", "nr", "№№"}

// rowCounter reports whether column i of a file numbers its rows rather
// than identifying them: headed «№ п/п» ("in order"), or under a bare
// number sign holding 1, 2, 3… in the sampled rows.
func rowCounter(header string, sample [][]string, i int) bool {
	if strings.Contains(header, "п/п") || strings.Contains(header, "по порядку") {
		return true
	}
	if !slices.Contains(counterHeaders, header) || len(sample) < 2 {
		return false
	}
	for k, rec := range sample {
		if i >= len(rec) || strings.TrimSpace(rec[i]) != strconv.Itoa(k+1) {
			return false
		}
	}
	return true
}

// duplicateWarnings lists the header names used by several columns.
func duplicateWarnings(cols []column) []Message {
	var out []Message
	byName := map[string][]string{}
	var order []string
	for i, c := range cols {
		if strings.HasPrefix(c.name, "#") {
			continue // unnamed
		}
		if byName[c.name] == nil {
			order = append(order, c.name)
		}
		byName[c.name] = append(byName[c.name], "#"+strconv.Itoa(i+1))
	}
	for _, n := range order {
		if nums := byName[n]; len(nums) > 1 {
			list := strings.Join(nums, ", ")
			out = append(out, warning(warnDuplicateColumns, map[string]any{"Name": n, "Columns": list},
				"several columns are called %q (%s): each is shown with its column number", n, list))
		}
	}
	return out
}

// source is the namespace of the rows' external ids: the layout of a
// known tool, or for any other file its columns ("generic:" and a hash of
// their names), so that an export downloaded again under another name,
// or a register exported every month, adds only its new rows, while
// another register numbered 1, 2, 3 with other columns is not taken for
// it. Rows without an id are known by a hash of their content.
func (p *plan) source(opt Options) string {
	switch {
	case opt.Source != "":
		return opt.Source
	case p.format != "" && p.format != FormatGeneric:
		return p.format
	}
	h := sha256.New()
	for _, c := range p.cols {
		h.Write([]byte(c.norm))
		h.Write([]byte{0x1f})
	}
	return "generic:" + hex.EncodeToString(h.Sum(nil)[:6])
}

// Inspect detects how a file would be imported, for the wizard to show
// and let the user correct.
func Inspect(path string, opt Options) (*Preview, error) {
	p, err := prepare(path, opt, feedbackSchema)
	if err != nil {
		return nil, err
	}
	defer p.close()
	pv := p.preview()
	if _, ok := p.mapping[FieldScore]; !ok {
		msg := warning(warnNoScoreColumn, nil, "%s", ErrNoScoreColumn.Error())
		if why := p.noScore(); why != nil {
			msg = why.Message
		}
		pv.Warnings = append(pv.Warnings, msg)
	}
	return pv, nil
}

// minStarSample is how many answers, all whole numbers 1 to 5, tell a
// rating scale from 0-10 answers when nothing else does: that many NPS
// answers never all miss 0 and 6-10.
const minStarSample = 30

// starScale reports whether column i holds star ratings (1-5) rather than
// 0-10 scores: its header says stars, or all its answers are 1 to 5 and
// either the file is a review platform's (Yotpo, Judge.me, Okendo, Google
// Play) or they are too many to be NPS answers. A header that asks the
// recommendation question holds scores whatever its answers.
func (p *plan) starScale(i int) bool {
	if starHeader(p.cols[i]) {
		return true
	}
	if npsHeader(p.cols[i]) {
		return false
	}
	n := allSampled(p.sample, i, func(v string) bool { s, why := parseScore(v); return why == "" && s >= 1 && s <= 5 })
	if n == 0 {
		return false
	}
	return n >= minStarSample || slices.ContainsFunc(p.cols, reviewHeader) || p.platformColumn()
}

// reviewPlatforms are the map services and review sites a scrape names on
// every row ("platform": "2GIS", "source": "yandex_maps"), written lower
// case with spaces for "_", "." and "-". A survey tool or a channel is
// never one of them; a marketplace may be where a surveyed client bought,
// so it is not (its own exports are told by their headers).
var reviewPlatforms = []string{"2gis", "2гис", "yandex maps", "яндекс карты", "google maps", "google play", "app store", "appstore",
	"отзовик", "otzovik", "flamp", "фламп", "zoon", "trustpilot", "tripadvisor", "irecommend"}

// platformColumn reports whether a column names a review platform on
// every sampled row: the file is a review export.
func (p *plan) platformColumn() bool {
	names := func(v string) bool {
		v = strings.Join(strings.FieldsFunc(strings.ToLower(v), func(c rune) bool { return strings.ContainsRune(" _.-", c) }), " ")
		return slices.Contains(reviewPlatforms, v)
	}
	for i := range p.cols {
		if allSampled(p.sample, i, names) > 0 {
			return true
		}
	}
	return false
}

// allSampled is the number of sampled values in column i (missing ones
// left out) when fits holds for every one of them; 0 when one does not.
func allSampled(sample [][]string, i int, fits func(string) bool) int {
	n := 0
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if !fits(r[i]) {
			return 0
		}
		n++
	}
	return n
}

// mappedScale warns when the column the user chose for the score is a
// rating on another scale than 0-10: its header names one («Оценка
// (1-7)»), or every answer so far is 1 to 5 (too few for starScale to
// call them stars), as a CSAT question's are. Imported as scores, such
// answers make every respondent a detractor. A header naming 0-10 holds
// scores whatever its answers; one asking the recommendation question
// does unless its answers are as many as tell stars, all 1 to 5 (a
// 5-point «Насколько вероятно, что вы порекомендуете…»), which is also
// said when the column was not chosen by hand.
func (p *plan) mappedScale(i int) (Message, bool) {
	col := p.columnNames()[i]
	low, top := headerScaleRange(p.cols[i])
	if top != 0 && top != 10 {
		scale := fmt.Sprintf("%d–%d", low, top)
		return warning(warnScaleMapped, map[string]any{"Column": col, "Scale": scale},
			"column %q asks for a rating on a %s scale, not a 0-10 recommendation score: imported as scores, its answers give no true NPS", col, scale), true
	}
	if top == 10 {
		return Message{}, false
	}
	n := 0
	for _, r := range p.sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if v, why := parseScore(r[i]); why != "" || v < 1 || v > 5 {
			return Message{}, false
		}
		n++
	}
	if n < minScoreSample || npsHeader(p.cols[i]) && n < minStarSample {
		// A few answers 1 to 5 to the recommendation question itself
		// are a poor NPS, not another scale: as many as tell stars are.
		return Message{}, false
	}
	return warning(warnRatingMapped, map[string]any{"Column": col, "Rows": n},
		"column %q holds only answers 1 to 5 (%d of them), as a 1-5 rating does, not 0-10 recommendation scores: imported as scores, every answer counts as a detractor", col, n), true
}

// reviewRecommend is the column, other than score, that asks whether the
// respondent recommends and is answered yes or no (or 1 or 0), when
// column score is a rating named by no recommendation word: a review
// site's "rating" (Skytrax: 1-10) beside its "recommended" yes/no. Such a
// rating is no 0-10 recommendation score. -1 when there is none.
func (p *plan) reviewRecommend(score int) int {
	if npsHeader(p.cols[score]) {
		return -1
	}
	for i, c := range p.cols {
		if i == score || !npsHeader(c) {
			continue
		}
		n := allSampled(p.sample, i, isYesNo)
		if n >= minScoreSample {
			return i
		}
	}
	return -1
}

// binaryColumn reports whether column i holds nothing but 0 and 1, at
// least minScoreSample of them: a yes/no indicator, not 0-10 answers.
func binaryColumn(sample [][]string, i int) bool {
	n := 0
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if v := strings.TrimSpace(r[i]); v != "0" && v != "1" {
			return false
		}
		n++
	}
	return n >= minScoreSample
}

// reviewRatings explains why no score column was found when the column
// that would be the score is a review's rating beside a yes/no
// recommendation (see reviewRecommend). nil when there is none.
func (p *plan) reviewRatings() *MessageError {
	for i, c := range p.cols {
		if columnEmpty(p.sample, i) || starHeader(c) || headerRank(p.schema, FieldScore, c) < 0 || !scoreAnswers(p.sample, i) {
			continue
		}
		rec := p.reviewRecommend(i)
		if rec < 0 {
			continue
		}
		col, yn := p.columnNames()[i], p.columnNames()[rec]
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errReviewRatings, map[string]any{"Column": col, "Recommend": yn},
			"column %q holds a review's rating, beside the yes/no answers of %q: a review export is no NPS survey, so it is not imported as one; if the file has a 0-10 score column, map it", col, yn)}
	}
	return nil
}

// scoreAnswers reports whether any sampled value of column i is a score.
func scoreAnswers(sample [][]string, i int) bool {
	for _, r := range sample {
		if i < len(r) && !isMissing(r[i]) {
			if _, why := parseScore(r[i]); why == "" {
				return true
			}
		}
	}
	return false
}

// sharedIDs reports whether column i repeats its values over different
// rows of the sample, most of them sharing one with another row: the id
// of what was reviewed or surveyed, not of each answer. A response
// exported twice repeats the whole row and is no sign.
func sharedIDs(sample [][]string, i int) bool {
	rows := map[string]string{}
	n, conflict := 0, false
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		id, whole := strings.TrimSpace(r[i]), strings.Join(r, "\x00")
		if prev, seen := rows[id]; seen && prev != whole {
			conflict = true
		} else if !seen {
			rows[id] = whole
		}
		n++
	}
	return conflict && len(rows)*2 <= n
}

// ratingWords mark headers of some rating, a candidate for star ratings:
// Wildberries rates a product by its "productValuation".
var ratingWords = []string{"rating", "score", "оценка", "рейтинг", "valuation"}

// starRatings explains why no score column was found when a column that
// would be the score holds star ratings: a review export is no NPS
// survey. nil when no such column is there.
func (p *plan) starRatings() *MessageError {
	for i, c := range p.cols {
		if columnEmpty(p.sample, i) || !p.starScale(i) {
			continue
		}
		if !starHeader(c) && headerRank(p.schema, FieldScore, c) < 0 && !containsAny(c.norm, ratingWords) {
			continue
		}
		col := p.columnNames()[i]
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errStarRatings, map[string]any{"Column": col},
			"column %q holds star ratings (1-5), not 0-10 recommendation scores: a review or rating export is no NPS survey, so it is not imported as one; if the file has a 0-10 score column, map it", col)}
	}
	return nil
}

// scaleRatings explains why no score column was found when a column's
// header names another scale than 0-10 («Оценка (1-5)», "Rating 1-5",
// "Score (0-100)") and its answers fit that scale: a rating on such a
// scale is no recommendation score (see headerScale). nil when no such
// column is there.
func (p *plan) scaleRatings() *MessageError {
	for i, c := range p.cols {
		low, top := headerScaleRange(c)
		if top == 0 || top == 10 || columnEmpty(p.sample, i) {
			continue
		}
		if allSampled(p.sample, i, func(s string) bool {
			v, err := strconv.Atoi(strings.TrimSpace(s))
			return err == nil && v >= low && v <= top
		}) == 0 {
			continue // columnEmpty above: no sampled value is no fit
		}
		col, scale := p.columnNames()[i], fmt.Sprintf("%d–%d", low, top)
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errScaleRatings, map[string]any{"Column": col, "Scale": scale},
			"column %q asks for a rating on a %s scale, not a 0-10 recommendation score: such answers give no NPS, so the file is not imported as an NPS survey; if the file has a 0-10 score column, map it", col, scale)}
	}
	return nil
}

// otherMetricRatings explains why no score column was found when a column
// holding numbers asks about effort or satisfaction (see otherMetric). nil
// when no such column is there.
func (p *plan) otherMetricRatings() *MessageError {
	for i, c := range p.cols {
		if !otherMetric(c) || !scoreAnswers(p.sample, i) {
			continue
		}
		col := p.columnNames()[i]
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errOtherMetric, map[string]any{"Column": col},
			"column %q asks about the client's effort or satisfaction, not how likely they are to recommend: its answers give no NPS, so the file is not imported as an NPS survey; if the file has a 0-10 recommendation column, map it", col)}
	}
	return nil
}

// headerScaleRange is the scale a column's header names, as its lowest
// and top marks ("1-5": 1 and 5), the same scale headerScale reads; top
// is 0 when it names none.
func headerScaleRange(c column) (low, top int) {
	for _, h := range append([]string{c.name}, c.headers...) {
		l := strings.ToLower(h)
		m := scaleRange.FindStringSubmatchIndex(l)
		if m == nil {
			if low, top := pointScale(h); top != 0 {
				return low, top // «по 7-балльной шкале»
			}
			continue
		}
		if n, _ := strconv.Atoi(l[m[2]:m[3]]); n >= 2 && n <= 10 || n == 100 {
			at := m[0]
			if l[at] != '0' && l[at] != '1' {
				at++ // the match starts at the character before the mark
			}
			return int(l[at] - '0'), n
		}
	}
	return 0, 0
}

// noScore explains why no score column was found, nil when it cannot
// tell more than that. A header naming another scale is told first: its
// answers may pass for stars, but the header says what they are.
func (p *plan) noScore() *MessageError {
	if t := p.surveyType(); t != "" {
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errSurveyType, map[string]any{"Type": t},
			"the file's survey type is %q, not NPS: its scores give no NPS, so the file is not imported as an NPS survey; to import them anyway, map the score column", t)}
	}
	if scale := p.scaleRatings(); scale != nil {
		return scale
	}
	if other := p.otherMetricRatings(); other != nil {
		return other
	}
	if stars := p.starRatings(); stars != nil {
		return stars
	}
	if review := p.reviewRatings(); review != nil {
		return review
	}
	if codes := p.answerCodes(); codes != nil {
		return codes
	}
	return p.ticketExport()
}

// Kinds of file Kind tells apart.
const (
	KindFeedback   = "feedback"
	KindComplaints = "complaints"
)

// Kind tells whether a file holds survey answers or tickets, for an import
// started without choosing (the dashboard's, Ctrl+I): tickets when the
// file has no score column and looks like a ticket export, else survey
// answers. A file that cannot be read is survey answers: that wizard
// reports why.
func Kind(path string, opt Options) string {
	p, err := prepare(path, opt, feedbackSchema)
	if err != nil {
		return KindFeedback
	}
	defer p.close()
	if _, scored := p.mapping[FieldScore]; !scored && p.ticketExport() != nil {
		return KindComplaints
	}
	return KindFeedback
}

// ticketExport explains why a file has no score column when it is a help
// desk's ticket export: its statuses and resolutions belong in
// Complaints. nil when the file does not look like one.
func (p *plan) ticketExport() *MessageError {
	tickets := detectMapping(complaintSchema, detectTicketFormat(p.cols, p.formatRows()), p.cols, p.sample, p.xlsx, nil)
	n := 0
	for _, f := range ticketFields {
		if _, ok := tickets[f]; ok {
			n++
		}
	}
	if _, status := tickets[FieldStatus]; (!status || n < 3) && !changeLogHeaders(p.cols) {
		return nil
	}
	return &MessageError{Err: ErrTicketExport, Message: warning(errTicketExport, nil,
		"the file has no score column but ticket statuses and fields: it looks like a ticket export, import it as complaints")}
}

// answerCode is an answer of a choice question exported as its code
// rather than its text: LimeSurvey numbers a list's options A1, A2…
// (AO01 or A0001 in newer versions) unless the author chose the codes.
var answerCode = regexp.MustCompile(`^[A-Za-z]{1,3}[0-9]{1,4}$`)

// answerCodes explains why no score column was found when the column
// headed as the score holds only answer codes: which option each code
// stands for (and so the score) is in the survey, not in the file. nil
// when no such column is there.
func (p *plan) answerCodes() *MessageError {
	for i, c := range p.cols {
		if headerRank(p.schema, FieldScore, c) < 0 || columnEmpty(p.sample, i) {
			continue
		}
		example := ""
		for _, r := range p.sample {
			if i >= len(r) || isMissing(r[i]) {
				continue
			}
			v := strings.TrimSpace(r[i])
			if !answerCode.MatchString(v) {
				example = ""
				break
			}
			if example == "" {
				example = v
			}
		}
		if example == "" {
			continue
		}
		col := p.columnNames()[i]
		return &MessageError{Err: ErrNoScoreColumn, Message: warning(errAnswerCodes, map[string]any{"Column": col, "Example": example},
			"column %q holds answer codes such as %q, not scores: export the responses with full answer texts (or with the scores 0-10 as the answers' codes), or map the score column", col, example)}
	}
	return nil
}

// preview describes a prepared file.
func (p *plan) preview() *Preview {
	names := p.columnNames()
	pv := &Preview{
		File:         p.origin,
		Size:         p.size,
		Encoding:     p.enc.name,
		EncodingSure: p.enc.sure,
		Delimiter:    p.delim,
		HeaderRows:   p.headerRows,
		Format:       p.format,
		Sheet:        p.sheet,
		Columns:      names,
		Mapping:      map[Field]string{},
		Warnings:     p.warnings,
		DateOrder:    p.order,
		Fields:       p.schema.fields,
	}
	for f, i := range p.mapping {
		pv.Mapping[f] = names[i]
	}
	if len(p.sheets) > 1 {
		pv.Sheets = p.sheets
	}
	if len(p.members) > 1 {
		pv.Sheet, pv.Sheets = p.member, p.members
	}
	pv.Sample = append(pv.Sample, p.sample[:min(20, len(p.sample))]...)
	if len(p.dateColumns()) > 0 {
		pv.DateLayout = p.dates.describe(p.order)
		pv.DateAmbiguous = !p.orderOK
	}
	if _, ok := p.mapping[p.schema.dates[0]]; !ok {
		pv.NeedsFileDate = true
	}
	return pv
}

// sliceSource replays records already read, then goes on with rest.
type sliceSource struct {
	rows [][]string
	nums []int // the rows' numbers, when known
	rest recordSource
}

func (s *sliceSource) next() ([]string, int, error) {
	if len(s.rows) > 0 {
		r, n := s.rows[0], 0
		s.rows = s.rows[1:]
		if len(s.nums) > 0 {
			n, s.nums = s.nums[0], s.nums[1:]
		}
		return r, n, nil
	}
	return s.rest.next()
}

// formatRows is how many header rows a known layout is told by: a
// merged group heading reads as a one-row header, not SurveyMonkey's.
func (p *plan) formatRows() int {
	if p.grouped {
		return 1
	}
	return p.headerRows
}

func (s *sliceSource) bytesRead() int64 { return s.rest.bytesRead() }
func (s *sliceSource) close() error     { return nil }

// dataRow reports whether rec holds data: it is not blank, nor, in a
// register, the row numbering the columns under the header.
func (p *plan) dataRow(rec []string) bool {
	return !isBlank(rec) && (p.schema != complaintSchema || !columnNumbers(rec, len(p.cols)))
}

// noDataRows reports whether the file has no data row under its header.
// The sample cannot tell: it passes over malformed rows, which the import
// reports as rejects.
func (p *plan) noDataRows() (bool, error) {
	src, err := p.openRows()
	if err != nil {
		return false, err
	}
	defer src.close()
	for {
		rec, _, err := src.next()
		var re *rowError
		switch {
		case err == io.EOF:
			return true, nil
		case errors.As(err, &re):
			return false, nil
		case err != nil:
			return false, err
		case p.dataRow(rec):
			return false, nil
		}
	}
}

// nextGoodRecord returns the next well-formed record, passing over bad
// ones: detection looks at the shape of the data, the import itself reports
// bad rows.
func nextGoodRecord(src recordSource) ([]string, error) {
	for {
		rec, _, err := src.next()
		var re *rowError
		if errors.As(err, &re) {
			continue
		}
		return rec, err
	}
}

// surveyTypeHeaders name the column in which an export says what kind of
// survey each answer is from: Delighted's API ("survey_type" of a survey
// response, flattened to CSV) gives "nps", "enps", "csat", "ces", "ces2",
// "smileys", "thumbs", "stars" or "pmf", each answered in its "score".
var surveyTypeHeaders = []string{"survey_type", "survey type", "surveytype"}

// npsSurveyTypes are the survey types answered 0-10 on the recommendation
// question (eNPS asks an employee's).
var npsSurveyTypes = []string{"nps", "enps"}

// surveyType is the survey type a file's survey type column gives when no
// answer of the sample is from an NPS survey: "csat", "ces"… "" when the
// file has no such column or some answer is NPS.
func (p *plan) surveyType() string {
	for i, c := range p.cols {
		if !slices.Contains(surveyTypeHeaders, c.norm) {
			continue
		}
		other := ""
		for _, r := range p.sample {
			if i >= len(r) || isMissing(r[i]) {
				continue
			}
			v := strings.ToLower(strings.TrimSpace(r[i]))
			if slices.Contains(npsSurveyTypes, v) {
				return ""
			}
			if other == "" {
				other = v
			}
		}
		return other
	}
	return ""
}

// recodedFrom1 reports whether a Qualtrics score column holds the 0-10
// choices by their recode values 1-11: a recommendation question built as
// a multiple choice of 11 points, not as Qualtrics' NPS question (whose
// recode values are 0-10), is exported with "Use numeric values" as the
// choices' positions 1 to 11. Whole numbers 1 to 11 only, one 11 at least
// and no 0: an 11 is no 0-10 answer, and a 0-10 scale missing only its 0
// while using 11 is the recode.
func recodedFrom1(sample [][]string, i int) bool {
	eleven := false
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		v, err := strconv.Atoi(strings.TrimSpace(r[i]))
		if err != nil || v < 1 || v > 11 {
			return false
		}
		eleven = eleven || v == 11
	}
	return eleven
}

// recodedScore reads a score written as its recode value 1-11 (see
// recodedFrom1): "11" is 10, "1" is 0.
func recodedScore(s string) (data.Score, reason) {
	s = strings.TrimSpace(s)
	if isMissing(s) {
		return data.NoScore, ""
	}
	v, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, reasonNotScore
	case v < 1 || v > 11:
		return 0, reasonScoreRange
	}
	return data.Score(v - 1), ""
}

// respondentEmails are the headers of the address a form collects from
// whoever answers: Google Forms' "Email Address" (SurveyMonkey's too,
// filled by its email collectors), «Адрес электронной почты» in Russian,
// «Dirección de correo electrónico» in Spanish, «Adresse e-mail» in
// French, «E-Mail-Adresse» in German, «Endereço de e-mail» in Portuguese.
// A Russian form that asks for the address itself titles the question
// «Электронная почта», as a form's answers kept in a public repository
// do ("ID", «Время создания», «Время изменения», then the questions).
var respondentEmails = []string{"email address", "адрес электронной почты", "dirección de correo electrónico", "adresse e-mail", "e-mail-adresse",
	"endereço de e-mail", "электронная почта"}

// clientByEmail takes the respondent's collected e-mail address for the
// client when no column names the client: a form that asks no name still
// tells who answered. Not an answer option, and only a column holding an
// address.
func (p *plan) clientByEmail() {
	if _, ok := p.mapping[FieldClient]; ok {
		return
	}
	used := p.mappedColumns()
	for i, c := range p.cols {
		if used[i] || p.banned[i] || c.option || !slices.Contains(respondentEmails, c.norm) {
			continue
		}
		for _, r := range p.sample {
			if i < len(r) && strings.Contains(r[i], "@") {
				p.mapping[FieldClient] = i
				return
			}
		}
	}
}

// listCell spells a list written as an array literal — an API's array
// flattened to CSV: Python's "['vip', 'fast delivery']" (pandas writing
// Delighted's survey responses), JSON's ["vip","fast"] — as the plain
// comma-separated list ParseTags reads; "[]" is no tag. Other cells are
// returned as they are.
func listCell(v string) string {
	t := strings.TrimSpace(v)
	inner, ok := strings.CutPrefix(t, "[")
	if !ok {
		return v
	}
	if inner, ok = strings.CutSuffix(inner, "]"); !ok {
		return v
	}
	parts := strings.Split(inner, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '\'' && p[len(p)-1] == '\'' || p[0] == '"' && p[len(p)-1] == '"') {
			p = p[1 : len(p)-1]
		}
		parts[i] = p
	}
	return strings.Join(parts, ",")
}

// scoreByGroup takes for the score, when no header names it, the column
// Qualtrics' NPS question type puts its group beside: "QID1" of
// "QID1_NPS_GROUP" (its Response Export API's "values", flattened to
// "values.QID1", "values.QID1_NPS_GROUP"), "Q1" of "Q1_NPS_GROUP". The
// group column says the question is the recommendation one.
func (p *plan) scoreByGroup() {
	if _, ok := p.mapping[FieldScore]; ok {
		return
	}
	used := p.mappedColumns()
	for _, g := range p.cols {
		base, ok := strings.CutSuffix(g.norm, "_nps_group")
		if !ok || base == "" {
			continue
		}
		for i, c := range p.cols {
			if c.norm == base && !used[i] && !p.banned[i] && scoreAnswers(p.sample, i) {
				p.mapping[FieldScore] = i
				return
			}
		}
	}
}

// qualtricsTextID is the id of a Qualtrics text entry answer: "QID2_TEXT"
// (an ImportId, or a Response Export API value flattened to
// "values.QID2_TEXT"), "Q2_TEXT".
var qualtricsTextID = regexp.MustCompile(`^(?:values\.)?q(?:id)?[0-9]+_text$`)

// commentByTextID takes for the comment, when no header names it, the only
// text entry question of a Qualtrics export (see qualtricsTextID). A
// choice's "Other" box ("QID3_4_TEXT") is no such question.
func (p *plan) commentByTextID() {
	if _, ok := p.mapping[FieldComment]; ok || p.format != FormatQualtrics {
		return
	}
	// Two open questions: which one is the reason is not told.
	found := p.onlyUnmapped(func(_ int, c column) bool {
		return qualtricsTextID.MatchString(c.norm) || qualtricsTextID.MatchString(strings.ToLower(c.importID))
	})
	if found >= 0 {
		p.mapping[FieldComment] = found
	}
}
