package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellRange is a merged range of a sheet: 1-based rows and columns,
// bounds included.
type cellRange struct{ top, left, bottom, right int }

func (r cellRange) String() string {
	a, _ := excelize.CoordinatesToCellName(r.left, r.top)
	b, _ := excelize.CoordinatesToCellName(r.right, r.bottom)
	return a + ":" + b
}

// parseRange reads a merge reference ("B3:B7"); ok=false for a single
// cell or a malformed one.
func parseRange(ref string) (cellRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return cellRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return cellRange{}, false
	}
	return cellRange{top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)}, true
}

// workbookPackage is a workbook read as the zip package it is: its
// sheets and, for one, the merged ranges. excelize's OpenFile inflates
// every part, the biggest sheets to temporary files, and its
// GetMergeCells decodes the whole worksheet, which the rows iterator then
// writes back out: seconds on a sheet of 100,000 rows. The merges follow
// the cells (<mergeCells> after <sheetData>), so here the one sheet's
// XML is only inflated and searched for them.
type workbookPackage struct {
	z      *zip.ReadCloser
	parts  map[string]*zip.File // by lower-case name
	book   string               // the workbook part, "xl/workbook.xml"
	sheets []bookSheet
}

type bookSheet struct {
	Name string `xml:"name,attr"`
	ID   string `xml:"id,attr"` // r:id, in whichever namespace
}

func openPackage(file string) (*workbookPackage, error) {
	z, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	pkg := &workbookPackage{z: z, parts: map[string]*zip.File{}, book: "xl/workbook.xml"}
	for _, f := range z.File {
		pkg.parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	if rels, err := pkg.rels("_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				pkg.book = partPath("", r.Target)
			}
		}
	}
	var wb struct {
		Sheets []bookSheet `xml:"sheets>sheet"`
	}
	if err := pkg.decode(pkg.book, &wb); err != nil {
		z.Close()
		return nil, err
	}
	pkg.sheets = wb.Sheets
	return pkg, nil
}

func (pkg *workbookPackage) close() error { return pkg.z.Close() }

// names lists the sheets in the workbook's order, as excelize's
// GetSheetList does.
func (pkg *workbookPackage) names() []string {
	out := make([]string, len(pkg.sheets))
	for i, s := range pkg.sheets {
		out[i] = s.Name
	}
	return out
}

// merges lists the merged ranges of the sheet named sheet.
func (pkg *workbookPackage) merges(sheet string) ([]cellRange, error) {
	rc, err := pkg.openSheet(sheet)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	return scanMerges(rc)
}

// openSheet opens the part holding the sheet named sheet; nil when there
// is none.
func (pkg *workbookPackage) openSheet(sheet string) (io.ReadCloser, error) {
	i := slices.IndexFunc(pkg.sheets, func(s bookSheet) bool { return strings.EqualFold(s.Name, sheet) })
	if i < 0 {
		return nil, nil
	}
	rels, err := pkg.rels(path.Join(path.Dir(pkg.book), "_rels", path.Base(pkg.book)+".rels"))
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.ID == pkg.sheets[i].ID {
			if part := pkg.parts[strings.ToLower(partPath(path.Dir(pkg.book), r.Target))]; part != nil {
				return part.Open()
			}
		}
	}
	return nil, nil
}

// clockFormats tells, per column of the sheet's first rows, whether its
// numbers are formatted as a time of day (h:mm) rather than as an
// elapsed time ([h]:mm): their values and what Excel shows of them are
// the same under a day, so only the format tells «Время решения» 12:15
// (a clock) from 2:05 taken. A column counts when most of its numbers
// say so. Only those rows of the sheet are read, and the styles part.
func (pkg *workbookPackage) clockFormats(sheet string, rows int) (map[int]bool, error) {
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	rels, err := pkg.rels(path.Join(path.Dir(pkg.book), "_rels", path.Base(pkg.book)+".rels"))
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/styles") {
			if err := pkg.decode(partPath(path.Dir(pkg.book), r.Target), &styles); err != nil {
				return nil, err
			}
		}
	}
	custom := map[int]string{}
	for _, f := range styles.NumFmts {
		custom[f.ID] = f.Code
	}
	kinds := make([]int, len(styles.Xfs)) // per style, its format's kind
	for i, x := range styles.Xfs {
		code, ok := custom[x.NumFmt]
		if !ok {
			code = builtinFormat(uint16(x.NumFmt))
		}
		kinds[i], _ = formatKind(code)
	}
	rc, err := pkg.openSheet(sheet)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	clock, elapsed := map[int]int{}, map[int]int{}
	d := xml.NewDecoder(rc)
	for read := 0; read <= rows; {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "row":
			read++
		case "c":
			ref, style, typ := attr(e, "r"), attr(e, "s"), attr(e, "t")
			col, _, err := excelize.CellNameToCoordinates(ref)
			s, serr := strconv.Atoi(style)
			if err != nil || serr != nil || s < 0 || s >= len(kinds) || typ != "" && typ != "n" {
				continue
			}
			switch kinds[s] {
			case fmtClock:
				clock[col-1]++
			case fmtElapsed:
				elapsed[col-1]++
			}
		}
	}
	return clockColumns(clock, elapsed), nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func (pkg *workbookPackage) rels(name string) ([]relationship, error) {
	var rels struct {
		Rels []relationship `xml:"Relationship"`
	}
	err := pkg.decode(name, &rels)
	return rels.Rels, err
}

// decode decodes a small part of the package (a workbook, relations).
func (pkg *workbookPackage) decode(name string, v any) error {
	f, ok := pkg.parts[strings.ToLower(name)]
	if !ok {
		return fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// partPath resolves a relationship's target against the folder of the
// part that names it; a leading "/" starts from the package's root.
func partPath(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(dir, target), "/")
}

// scanMerges reads the merged ranges of a worksheet's XML: it looks for
// the <mergeCells> element chunk by chunk without decoding the cells
// before it.
func scanMerges(r io.Reader) ([]cellRange, error) {
	const chunk, carry = 256 << 10, 64 // carry: a tag cut between two chunks, prefix included
	buf := make([]byte, chunk)
	keep := 0
	for {
		n, err := io.ReadAtLeast(r, buf[keep:], 1)
		data := buf[:keep+n]
		if i := mergesTag(data); i >= 0 {
			return decodeMerges(io.MultiReader(bytes.NewReader(data[i:]), r)), nil
		}
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		keep = min(len(data), carry)
		copy(buf, data[len(data)-keep:])
	}
}

// mergesTag returns where the <mergeCells> start tag (maybe prefixed,
// <x:mergeCells>) begins in data, -1 if not there. Text that says
// "mergeCells" is not a tag: a "<" in text is always escaped.
func mergesTag(data []byte) int {
	const name = "mergeCells"
	for from := 0; ; {
		k := bytes.Index(data[from:], []byte(name))
		if k < 0 {
			return -1
		}
		i := from + k
		from = i + len(name)
		if from >= len(data) {
			return -1 // what follows is in the next chunk: looked at again there
		}
		if c := data[from]; c != ' ' && c != '>' && c != '\t' && c != '\r' && c != '\n' {
			continue
		}
		j := i - 1
		if j >= 0 && data[j] == ':' {
			for j--; j >= 0 && nameByte(data[j]); j-- {
			}
		}
		if j >= 0 && data[j] == '<' {
			return j
		}
	}
}

func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// decodeMerges reads the <mergeCell ref="..."> elements up to the end of
// <mergeCells>; a malformed tail ends the list.
func decodeMerges(r io.Reader) []cellRange {
	d := xml.NewDecoder(r)
	var out []cellRange
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "mergeCell" {
				continue
			}
			for _, a := range t.Attr {
				if a.Name.Local == "ref" {
					if cr, ok := parseRange(a.Value); ok {
						out = append(out, cr)
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "mergeCells" {
				return out
			}
		}
	}
}

// groupHeading reports whether the first of the header rows head, sheet
// row top, heads groups of columns named in the row below: "Оценка
// клиента" merged over "Оценка | Комментарий". The row below must read
// as a header (no numbers or dates), name at least one column of a group,
// and name nothing under a column whose own header is in the top row: a
// data row under a header with one wide merged cell fills those too.
func groupHeading(head [][]string, merges []cellRange, top int) bool {
	if len(head) < 2 || isBlank(head[1]) {
		return false
	}
	grouped := groups(head[0], merges, top)
	named := false
	for c, v := range head[1] {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if strings.Trim(v, "0123456789.,:-/ ") == "" {
			return false
		}
		switch {
		case grouped[c] != "":
			named = true
		case c < len(head[0]) && strings.TrimSpace(head[0][c]) != "":
			return false
		}
	}
	return named
}

// groups names, per column, the group heading over it in header row
// upper (sheet row top): the text of a range merged across columns in
// that row alone.
func groups(upper []string, merges []cellRange, top int) map[int]string {
	out := map[int]string{}
	for _, m := range merges {
		if m.top != top || m.bottom != top || m.right == m.left || m.left > len(upper) {
			continue
		}
		if g := strings.TrimSpace(upper[m.left-1]); g != "" {
			for c := m.left; c <= m.right; c++ {
				out[c-1] = g
			}
		}
	}
	return out
}

// groupedColumns names the columns of a header of two or three rows
// whose upper rows head groups (see groupHeading). Detection reads them
// as a one-row header: by the lowest row's text, by an upper row's
// where the lower are empty (a header merged down over the rows,
// «Дата»), by the group's for a column the rows below leave unnamed.
// The user sees a name under groups with the groups, "Решение - Дата",
// "Оценка - Скорость - Балл": it tells that date from «Дата обращения»,
// and "Оценка" under two groups apart. The nearest group heads the name
// in the header rules («Решение» «Дата»).
func groupedColumns(head [][]string, merges []cellRange, top int) []column {
	levels := make([]map[int]string, len(head)-1) // the groups each upper row heads
	width := 0
	for r, row := range head {
		width = max(width, len(row))
		if r < len(levels) {
			levels[r] = groups(row, merges, top+r)
		}
	}
	cell := func(r, c int) string {
		if c < len(head[r]) {
			return strings.TrimSpace(head[r][c])
		}
		return ""
	}
	names := make([]string, width)
	parts := make([][]string, width) // the groups over each column, widest first
	own := make([]bool, width)
	for c := range names {
		for r := range levels {
			if g := levels[r][c]; g != "" {
				parts[c] = append(parts[c], g)
			}
		}
		// The column's own name: the lowest cell that is no group's.
		for r := len(head) - 1; r >= 0 && names[c] == ""; r-- {
			if r == len(head)-1 || levels[r][c] == "" {
				names[c] = cell(r, c)
			}
		}
		own[c] = names[c] != ""
		if !own[c] && len(parts[c]) > 0 {
			names[c] = parts[c][len(parts[c])-1]
		}
	}
	cols := buildColumns([][]string{names}, 1)
	for c := range cols {
		ps := parts[c]
		if !own[c] && len(ps) > 0 {
			ps = ps[:len(ps)-1] // the nearest group is the column's name
		}
		if len(ps) > 0 {
			cols[c].group = ps[len(ps)-1]
			cols[c].name = strings.Join(append(slices.Clone(ps), names[c]), " - ")
		}
	}
	return cols
}

// loneGroupHeading reports whether the first of rows (sheet row top),
// taken for a title for its one filled cell, is a group heading over
// some of the names in the row below it: merged across columns, not
// across all the names the way a title is.
func loneGroupHeading(rows [][]string, merges []cellRange, top int) bool {
	if len(rows) < 2 || !groupHeading(rows, merges, top) {
		return false
	}
	grouped := groups(rows[0], merges, top)
	for c, v := range rows[1] {
		if strings.TrimSpace(v) != "" && grouped[c] == "" {
			return true
		}
	}
	return false
}

// mergeFill gives every row of a range merged down over data rows the
// value of its top cell, as the sheet shows it: one «Ответственный» or
// date over several complaints. A range is filled down its first column
// only: a value merged across columns is one value laid wide (a long
// comment), not the value of the fields beside it. A row blank but for
// the range stays blank, so a range merged past the table adds no rows.
type mergeFill struct {
	ranges []cellRange // by top row
	next   int         // the first range not yet reached
	active []activeFill
}

type activeFill struct {
	cellRange
	value string
}

// dataFills are the ranges of merges that mergeFill fills: merged down
// over rows at or below the first data row. A range reaching up into
// the header or the title is left alone.
func dataFills(merges []cellRange, dataRow int) []cellRange {
	var out []cellRange
	for _, m := range merges {
		if m.top >= dataRow && m.bottom > m.top {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b cellRange) int { return a.top - b.top })
	return out
}

func newMergeFill(ranges []cellRange) *mergeFill { return &mergeFill{ranges: ranges} }

// apply fills rec, sheet row row; rows come in order, blank ones may be
// left out.
func (m *mergeFill) apply(rec []string, row int) []string {
	live := m.active[:0]
	for _, a := range m.active {
		if a.bottom >= row {
			live = append(live, a)
		}
	}
	m.active = live
	for m.next < len(m.ranges) && m.ranges[m.next].top <= row {
		r := m.ranges[m.next]
		m.next++
		if r.top == row && r.left <= len(rec) && strings.TrimSpace(rec[r.left-1]) != "" {
			m.active = append(m.active, activeFill{r, rec[r.left-1]})
		}
	}
	if len(m.active) == 0 || isBlank(rec) {
		return rec
	}
	for _, a := range m.active {
		if a.top == row {
			continue
		}
		for len(rec) < a.left {
			rec = append(rec, "")
		}
		rec[a.left-1] = a.value
	}
	return rec
}

// fillSource fills the merged ranges of the rows it reads (see
// mergeFill).
type fillSource struct {
	recordSource
	fill *mergeFill
}

func (s *fillSource) next() ([]string, int, error) {
	rec, row, err := s.recordSource.next()
	if err == nil {
		rec = s.fill.apply(rec, row)
	}
	return rec, row, err
}

// rowTracker remembers the sheet row of the last record read.
type rowTracker struct {
	recordSource
	last int
}

func (t *rowTracker) next() ([]string, int, error) {
	rec, row, err := t.recordSource.next()
	if err == nil {
		t.last = row
	}
	return rec, row, err
}

// mergedWarning tells that the values of cells merged down over data
// rows were copied to each row, naming the first few ranges.
func mergedWarning(fills []cellRange) Message {
	names := make([]string, 0, 4)
	for _, r := range fills[:min(len(fills), 3)] {
		names = append(names, r.String())
	}
	if len(fills) > 3 {
		names = append(names, "…")
	}
	list := strings.Join(names, ", ")
	return warning(warnMergedFilled, map[string]any{"Ranges": list, "Count": len(fills)},
		"cells merged over several rows (%s) were read as the sheet shows them: each one's value belongs to every row it spans", list)
}
