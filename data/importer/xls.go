package importer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// An Excel 97-2003 workbook (.xls, BIFF8), or an Excel 5.0/95 one (BIFF5):
// 1C (7.7 writes BIFF5), older help desks and many registers still save
// them. No maintained Go reader exists (the one served keeps only the
// month of a date, another is GPL), so the cells are read here from the
// record stream ([MS-XLS]) inside the compound file, which mscfb (already
// used by excelize) opens. Only values are read: strings, numbers,
// formula results, booleans; a number is shown as its cell's format would
// need it to be read (dates as dates, [h]:mm as a duration, 00000 codes
// padded), as the XLSX reader does.

// BIFF record types read.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recContinue   = 0x003C
	recFilePass   = 0x002F
	recDateMode   = 0x0022
	recFormat     = 0x041E
	recXF         = 0x00E0
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recFormula    = 0x0006
	recString     = 0x0207
	recBoolErr    = 0x0205
	recMergeCells = 0x00E5
	recCodePage   = 0x0042
)

// xlsMaxRows and xlsMaxCols are a BIFF8 sheet's limits.
const xlsMaxRows, xlsMaxCols = 65536, 256

var (
	// errXLSNotBIFF8 is a compound file without an Excel 5.0-2003
	// workbook stream (BIFF5 or BIFF8): a Word document, an Excel 4.0 or
	// older book.
	errXLSNotBIFF8 = errors.New("no Excel 5.0-2003 workbook stream")
	errXLSDamaged  = errors.New("the workbook's records are cut short or damaged")
	// errEncryptedWorkbook is a workbook protected by a password.
	errEncryptedWorkbook = errors.New("the workbook is protected by a password")
)

// xlsBook is a workbook's record stream with what its globals say.
type xlsBook struct {
	biff5    bool             // Excel 5.0/95: text in a code page
	codepage *charmap.Charmap // BIFF5's text encoding (CODEPAGE)
	stream   []byte
	date1904 bool
	sst      []string
	xfFormat []uint16          // per XF, its number format's id
	xfKinds  [][2]int          // per XF, its format's kind and width (see format)
	formats  map[uint16]string // custom number formats by id
	sheets   []xlsSheet        // worksheets, in the workbook's order
}

type xlsSheet struct {
	name   string
	offset int // of the sheet's BOF in the stream
}

// isXLS reports whether the file at path is a compound file (an Office
// 97-2003 document), whatever its name.
func isXLS(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8)
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == oleMagic
}

// oleMagic starts every compound file.
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// readXLS opens the workbook at path and reads its globals.
func readXLS(path string) (*xlsBook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := mscfb.New(f)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errXLSDamaged, err)
	}
	var stream []byte
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		// Excel 97 names the stream "Workbook" (some writers "WORKBOOK"),
		// Excel 5.0/95 and 1C 7.7 "Book".
		if len(entry.Path) == 0 && (strings.EqualFold(entry.Name, "Workbook") || strings.EqualFold(entry.Name, "Book")) {
			if entry.Size <= 0 || entry.Size > 1<<30 {
				return nil, errXLSDamaged
			}
			stream = make([]byte, entry.Size)
			if _, err := io.ReadFull(entry, stream); err != nil {
				return nil, fmt.Errorf("%w: %v", errXLSDamaged, err)
			}
			break
		}
	}
	if stream == nil {
		return nil, errXLSNotBIFF8
	}
	b := &xlsBook{stream: stream, formats: map[uint16]string{}}
	return b, b.readGlobals()
}

// record is one BIFF record: its type and its data, with the data of the
// CONTINUE records after it as further segments.
type record struct {
	typ  uint16
	segs [][]byte
}

// records iterates the records of the substream at offset, up to its EOF
// record. Substreams nested in it (a chart on a sheet) are passed over
// whole; a stream ending before the EOF is damaged.
func (b *xlsBook) records(offset int, each func(r record) error) error {
	s := b.stream
	var cur *record
	depth := 0
	flush := func() error {
		if cur == nil {
			return nil
		}
		r := *cur
		cur = nil
		return each(r)
	}
	for off := offset; ; {
		if off+4 > len(s) {
			return errXLSDamaged
		}
		typ := binary.LittleEndian.Uint16(s[off:])
		size := int(binary.LittleEndian.Uint16(s[off+2:]))
		if off+4+size > len(s) {
			return errXLSDamaged
		}
		data := s[off+4 : off+4+size]
		off += 4 + size
		if typ == recContinue && cur != nil {
			cur.segs = append(cur.segs, data)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		switch {
		case typ == recBOF && off-4-size > offset:
			depth++
		case typ == recEOF && depth == 0:
			return nil
		case typ == recEOF:
			depth--
		}
		if depth == 0 && typ != recEOF {
			cur = &record{typ: typ, segs: [][]byte{data}}
		}
	}
}

func (b *xlsBook) readGlobals() error {
	first := true
	return b.records(0, func(r record) error {
		d := r.segs[0]
		if first {
			first = false
			// The BOF says the version: 0x0600 for Excel 97-2003 (BIFF8),
			// 0x0500 for Excel 5.0/95 (BIFF5/7), whose text is in the
			// workbook's code page rather than in Unicode.
			if r.typ != recBOF || len(d) < 2 {
				return errXLSNotBIFF8
			}
			switch binary.LittleEndian.Uint16(d) {
			case 0x0600:
			case 0x0500:
				b.biff5 = true
			default:
				return errXLSNotBIFF8
			}
			return nil
		}
		switch r.typ {
		case recFilePass:
			return errEncryptedWorkbook
		case recCodePage:
			if len(d) >= 2 {
				b.codepage = codePage(binary.LittleEndian.Uint16(d))
			}
		case recDateMode:
			b.date1904 = len(d) >= 2 && binary.LittleEndian.Uint16(d) == 1
		case recXF:
			if len(d) >= 4 {
				b.xfFormat = append(b.xfFormat, binary.LittleEndian.Uint16(d[2:]))
			}
		case recFormat:
			if len(d) >= 2 {
				sr := segReader{segs: r.segs, pos: 2}
				if s, ok := b.text(&sr, !b.biff5); ok {
					b.formats[binary.LittleEndian.Uint16(d)] = s
				}
			}
		case recBoundSheet:
			// dt 0 is a worksheet; charts, macro sheets and modules
			// hold no table.
			if len(d) >= 8 && d[5] == 0 {
				sr := segReader{segs: r.segs, pos: 6}
				if name, ok := b.text(&sr, false); ok {
					b.sheets = append(b.sheets, xlsSheet{name: name, offset: int(binary.LittleEndian.Uint32(d))})
				}
			}
		case recSST:
			b.sst = readSST(r.segs)
		}
		return nil
	})
}

// text reads a string of the workbook's: in BIFF8 an XLUnicodeString
// (a 16-bit count when wide, else an 8-bit one); in BIFF5 a count of
// that width and as many bytes in the workbook's code page.
func (b *xlsBook) text(r *segReader, wide bool) (string, bool) {
	if !b.biff5 {
		return r.unicodeString(wide)
	}
	n, ok := r.count(wide)
	if !ok {
		return "", false
	}
	raw, ok := r.take(n)
	if !ok {
		return "", false
	}
	cp := b.codepage
	if cp == nil {
		cp = charmap.Windows1252 // Excel's own default
	}
	out, err := cp.NewDecoder().Bytes(raw)
	return string(out), err == nil
}

// codePage is the text encoding a BIFF5 workbook's CODEPAGE names; nil
// for one CareDesk does not know (read as Windows-1252).
func codePage(id uint16) *charmap.Charmap {
	switch id {
	case 1251:
		return charmap.Windows1251
	case 1252, 0x8001:
		return charmap.Windows1252
	case 866:
		return charmap.CodePage866
	case 850:
		return charmap.CodePage850
	case 437:
		return charmap.CodePage437
	case 1250:
		return charmap.Windows1250
	case 10000, 0x8000:
		return charmap.Macintosh
	case 10007:
		return charmap.MacintoshCyrillic
	}
	return nil
}

// segReader reads a record's data across its CONTINUE segments.
type segReader struct {
	segs [][]byte
	seg  int
	pos  int
}

// take returns the next n bytes, joined across segments; ok=false when
// the record has fewer.
func (r *segReader) take(n int) ([]byte, bool) {
	var out []byte
	for n > 0 {
		if r.seg >= len(r.segs) {
			return nil, false
		}
		s := r.segs[r.seg]
		if r.pos >= len(s) {
			r.seg, r.pos = r.seg+1, 0
			continue
		}
		k := min(n, len(s)-r.pos)
		if out == nil && k == n {
			out = s[r.pos : r.pos+k]
		} else {
			out = append(out, s[r.pos:r.pos+k]...)
		}
		r.pos += k
		n -= k
	}
	return out, true
}

func (r *segReader) uint16() (uint16, bool) {
	b, ok := r.take(2)
	if !ok {
		return 0, false
	}
	return binary.LittleEndian.Uint16(b), true
}

// count reads a string's length: 16 bits when wide, else 8.
func (r *segReader) count(wide bool) (int, bool) {
	if wide {
		v, ok := r.uint16()
		return int(v), ok
	}
	v, ok := r.take(1)
	if !ok {
		return 0, false
	}
	return int(v[0]), true
}

// unicodeString reads an XLUnicodeString (wide: a 16-bit count, as in
// FORMAT and STRING) or a ShortXLUnicodeString (an 8-bit count, as in
// BOUNDSHEET); rich text runs and phonetic data are skipped.
func (r *segReader) unicodeString(wide bool) (string, bool) {
	n, ok := r.count(wide)
	if !ok {
		return "", false
	}
	flags, ok := r.take(1)
	if !ok {
		return "", false
	}
	runs, ext := 0, 0
	if flags[0]&0x08 != 0 {
		v, ok := r.uint16()
		if !ok {
			return "", false
		}
		runs = int(v)
	}
	if flags[0]&0x04 != 0 {
		v, ok := r.take(4)
		if !ok {
			return "", false
		}
		ext = int(binary.LittleEndian.Uint32(v))
	}
	s, ok := r.chars(n, flags[0]&0x01 != 0)
	if ok {
		r.take(4*runs + ext) // formatting runs and phonetics, not read
	}
	return s, ok
}

// chars reads n characters, one byte each (Latin-1) or two (UTF-16). A
// string cut by a CONTINUE record goes on after a byte that says anew
// how wide its characters are.
func (r *segReader) chars(n int, high bool) (string, bool) {
	units := make([]uint16, 0, n)
	for n > 0 {
		if r.seg >= len(r.segs) {
			return "", false
		}
		s := r.segs[r.seg]
		if r.pos >= len(s) {
			r.seg, r.pos = r.seg+1, 0
			if r.seg >= len(r.segs) || len(r.segs[r.seg]) == 0 {
				return "", false
			}
			high = r.segs[r.seg][0]&0x01 != 0
			r.pos = 1
			continue
		}
		width := 1
		if high {
			width = 2
		}
		k := min(n, (len(s)-r.pos)/width)
		if k == 0 {
			return "", false
		}
		for i := range k {
			p := r.pos + i*width
			if high {
				units = append(units, binary.LittleEndian.Uint16(s[p:]))
			} else {
				units = append(units, uint16(s[p]))
			}
		}
		r.pos += k * width
		n -= k
	}
	return string(utf16.Decode(units)), true
}

// readSST reads the shared strings table; a table cut short keeps the
// strings read.
func readSST(segs [][]byte) []string {
	r := segReader{segs: segs}
	head, ok := r.take(8)
	if !ok {
		return nil
	}
	n := int(binary.LittleEndian.Uint32(head[4:]))
	out := make([]string, 0, min(n, 1<<20))
	for range n {
		s, ok := r.unicodeString(true)
		if !ok {
			break
		}
		out = append(out, s)
	}
	return out
}

// sheetNames lists the worksheets, the likeliest to hold the table first
// (see rankByCells).
func (b *xlsBook) sheetNames() []string {
	return rankByCells(len(b.sheets), func(i int) (string, [][]string) {
		if t, err := b.sheetRows(b.sheets[i]); err == nil {
			return b.sheets[i].name, t.rows
		}
		return b.sheets[i].name, nil
	})
}

// rankByCells orders n sheets, each given by its name and rows, by the
// cells they fill, the most first (empty ones last), in the workbook's
// order among equals: the way rankSheets orders an XLSX's, for workbooks
// whose sheets are read whole.
func rankByCells(n int, sheet func(i int) (string, [][]string)) []string {
	type ranked struct {
		name  string
		cells int
	}
	rs := make([]ranked, n)
	for i := range n {
		name, rows := sheet(i)
		rs[i].name = name
		for _, r := range rows {
			for _, c := range r {
				if c != "" {
					rs[i].cells++
				}
			}
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return b.cells - a.cells })
	out := make([]string, n)
	for i, r := range rs {
		out[i] = r.name
	}
	return out
}

// sheetRows reads a worksheet's cells as rows of text, which columns are
// formatted as a time of day, and the merged ranges.
func (b *xlsBook) sheetRows(sh xlsSheet) (*tableRows, error) {
	if sh.offset < 0 || sh.offset >= len(b.stream) {
		return nil, errXLSDamaged
	}
	var rows [][]string
	width := 0
	set := func(row, col int, v string) {
		if row >= xlsMaxRows || col >= xlsMaxCols || v == "" {
			return
		}
		for len(rows) <= row {
			rows = append(rows, nil)
		}
		for len(rows[row]) <= col {
			rows[row] = append(rows[row], "")
		}
		rows[row][col] = v
		width = max(width, col+1)
	}
	clock, elapsed := map[int]int{}, map[int]int{}
	number := func(row, col int, v float64, xf uint16) {
		set(row, col, b.numberText(v, xf))
		switch k, _ := b.format(xf); k {
		case fmtClock:
			clock[col]++
		case fmtElapsed:
			elapsed[col]++
		}
	}
	var merges []cellRange
	pendRow, pendCol := -1, -1 // a formula whose string result follows
	err := b.records(sh.offset, func(r record) error {
		d := r.segs[0]
		if r.typ == recString {
			if pendRow >= 0 {
				sr := segReader{segs: r.segs}
				if s, ok := b.text(&sr, true); ok {
					set(pendRow, pendCol, s)
				}
			}
			pendRow = -1
			return nil
		}
		if r.typ == recMergeCells && len(d) >= 2 {
			// A count, then per range its first and last rows and columns.
			for i, p := 0, 2; i < int(binary.LittleEndian.Uint16(d)) && p+8 <= len(d); i, p = i+1, p+8 {
				merges = append(merges, cellRange{
					top: int(binary.LittleEndian.Uint16(d[p:])) + 1, bottom: int(binary.LittleEndian.Uint16(d[p+2:])) + 1,
					left: int(binary.LittleEndian.Uint16(d[p+4:])) + 1, right: int(binary.LittleEndian.Uint16(d[p+6:])) + 1,
				})
			}
			return nil
		}
		if len(d) < 6 {
			return nil
		}
		row, col := int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:]))
		xf := binary.LittleEndian.Uint16(d[4:])
		switch r.typ {
		case recLabelSST:
			if len(d) >= 10 {
				if i := int(binary.LittleEndian.Uint32(d[6:])); i < len(b.sst) {
					set(row, col, b.sst[i])
				}
			}
		case recLabel, recRString:
			sr := segReader{segs: r.segs, pos: 6}
			if s, ok := b.text(&sr, true); ok {
				set(row, col, s)
			}
		case recNumber:
			if len(d) >= 14 {
				number(row, col, math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), xf)
			}
		case recRK:
			if len(d) >= 10 {
				number(row, col, rkValue(binary.LittleEndian.Uint32(d[6:])), xf)
			}
		case recMulRK:
			// col is the first column; six bytes (XF, RK) per cell follow,
			// then the last column.
			for i, p := 0, 4; p+6 <= len(d)-2; i, p = i+1, p+6 {
				number(row, col+i, rkValue(binary.LittleEndian.Uint32(d[p+2:])), binary.LittleEndian.Uint16(d[p:]))
			}
		case recFormula:
			if len(d) < 14 {
				return nil
			}
			res := d[6:14]
			if res[6] != 0xFF || res[7] != 0xFF {
				number(row, col, math.Float64frombits(binary.LittleEndian.Uint64(res)), xf)
				return nil
			}
			switch res[0] {
			case 0: // a string, in the STRING record that follows
				pendRow, pendCol = row, col
			case 1:
				set(row, col, boolText(res[2] != 0))
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				set(row, col, boolText(d[6] != 0))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Rows with cells are made as wide as the widest; empty ones stay
	// nil, so that one cell far down a sheet costs no screen of blanks.
	for i := range rows {
		for rows[i] != nil && len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	return &tableRows{rows: rows, clocks: clockColumns(clock, elapsed), merges: merges}, nil
}

func boolText(v bool) string {
	if v {
		return "TRUE"
	}
	return "FALSE"
}

// rkValue decodes an RK number: a 30-bit integer or the top 30 bits of a
// double, either possibly multiplied by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// numberText is a number as the importer reads it, by its cell's format:
// a date as "2024-03-05 14:30", a duration ([h]:mm) as "26:30:00", a time
// of day under a day as "14:30:00", a code under 00000 with its zeros,
// any other number as written.
func (b *xlsBook) numberText(v float64, xf uint16) string {
	raw := strconv.FormatFloat(v, 'f', -1, 64)
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return raw
	}
	kind, width := b.format(xf)
	switch kind {
	case fmtDate:
		if t, ok := excelDateText(raw, b.date1904); ok {
			return t
		}
	case fmtClock:
		if v < 1 {
			secs := int64(math.Round(v * 86400))
			return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
		}
		// A date-time shown as its time keeps its day.
		if t, ok := excelDateText(raw, b.date1904); ok {
			return t
		}
	case fmtElapsed:
		return cellKind{kind: cellElapsed}.text(raw)
	case fmtPadded:
		return cellKind{kind: cellPadded, width: width}.text(raw)
	}
	return raw
}

// format is the kind of the number format of the cells of style xf,
// worked out once per style: a sheet's cells share a few.
func (b *xlsBook) format(xf uint16) (kind, width int) {
	if int(xf) >= len(b.xfFormat) {
		return fmtPlain, 0
	}
	if b.xfKinds == nil {
		b.xfKinds = make([][2]int, len(b.xfFormat))
		for i, id := range b.xfFormat {
			code, ok := b.formats[id]
			if !ok {
				code = builtinFormat(id)
			}
			b.xfKinds[i][0], b.xfKinds[i][1] = formatKind(code)
		}
	}
	k := b.xfKinds[xf]
	return k[0], k[1]
}

// Number format kinds that change how a number is read.
const (
	fmtPlain = iota
	fmtDate
	fmtClock   // a time of day: h:mm, h:mm:ss AM/PM
	fmtElapsed // [h]:mm:ss
	fmtPadded  // 00000
)

// builtinFormat is the code of a built-in number format id (those a
// workbook need not write out). Ids 27-36 and 50-58 are the East Asian
// dates.
func builtinFormat(id uint16) string {
	switch {
	case id == 14, id == 15, id == 16, id == 17, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return "d/m/yyyy"
	case id == 18, id == 19, id == 20, id == 21, id == 45, id == 47:
		return "h:mm:ss"
	case id == 22:
		return "d/m/yyyy h:mm"
	case id == 46:
		return "[h]:mm:ss"
	}
	return "General"
}

// formatKind tells a number format's kind from its code's first section,
// leaving out quoted text, escaped characters and bracketed colours and
// locales; width is a padded code's digits.
func formatKind(code string) (kind, width int) {
	section, _, _ := strings.Cut(code, ";")
	var letters strings.Builder
	elapsed := false
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(section)
			}
		case '\\', '_', '*':
			i++ // the next character is shown as it is (or sets a width)
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				return fmtPlain, 0
			}
			switch strings.ToLower(section[i+1 : i+j]) {
			case "h", "hh", "m", "mm", "s", "ss":
				elapsed = true
			}
			i += j
		default:
			letters.WriteByte(c)
		}
	}
	// Russian Excel and LibreOffice may write the codes in Russian: Д
	// (day), М (month), Г (year), ч (hour).
	l := strings.ToLower(letters.String())
	l = strings.NewReplacer("д", "d", "м", "m", "г", "y", "ч", "h").Replace(l)
	switch {
	case elapsed:
		return fmtElapsed, 0
	case strings.ContainsAny(l, "dy") || strings.Contains(l, "m") && !strings.ContainsAny(l, "hs"):
		return fmtDate, 0
	case strings.ContainsAny(l, "hs"):
		return fmtClock, 0
	case l != "" && strings.Trim(l, "0") == "" && len(l) > 1:
		return fmtPadded, len(l)
	}
	return fmtPlain, 0
}

// openXLS reads the named worksheet of the workbook at path.
func openXLS(path, sheet string) (*tableRows, error) {
	book, err := readXLS(path)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(book.sheets, func(s xlsSheet) bool { return s.name == sheet })
	if i < 0 {
		return nil, ErrUnknownSheet
	}
	t, err := book.sheetRows(book.sheets[i])
	if err != nil {
		return nil, err
	}
	t.size = int64(len(book.stream))
	return t, nil
}
