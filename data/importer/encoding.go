package importer

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names accepted in Options.Encoding and reported in Preview.
const (
	EncUTF8        = "utf-8"
	EncUTF16LE     = "utf-16le"
	EncUTF16BE     = "utf-16be"
	EncWindows1251 = "windows-1251"
	EncWindows1252 = "windows-1252"
	EncLatin1      = "latin1"
	EncCP850       = "cp850"
	EncCP866       = "cp866"  // Russian DOS: 1C 7.7's "Текст DOS" exports
	EncKOI8R       = "koi8-r" // Russian Unix mail and old web forms
	// A UTF-8 file with some lines in a single-byte code page (exports
	// pasted together): each line that is not valid UTF-8 is read in the
	// code page.
	EncUTF8Mixed1251 = "utf-8+windows-1251"
	EncUTF8Mixed1252 = "utf-8+windows-1252"
)

// Single-byte code pages decoded through a byte -> rune table.
var (
	tableCP1251 = charmapTable(charmap.Windows1251)
	tableCP1252 = charmapTable(charmap.Windows1252)
	tableCP850  = charmapTable(charmap.CodePage850)
	tableCP866  = charmapTable(charmap.CodePage866)
	tableKOI8R  = charmapTable(charmap.KOI8R)
	// tableLatin1 is ISO-8859-1 except for 0x80-0x9F, which are C1 control
	// codes there and never appear in real text. Files that have them are
	// Latin-1 text edited with old DOS tools (the Botanic survey has "é" as
	// 0x82, "â" as 0x83, "ë" as 0x89, "É" as 0x90 next to Latin-1 "é" as
	// 0xE9), so that range is read as code page 850. Windows-1252 would
	// turn the same bytes into punctuation (0x82 = "‚") and lose the
	// letters.
	tableLatin1 = latin1Table()
)

func charmapTable(m *charmap.Charmap) *[256]rune {
	var t [256]rune
	for i := range t {
		t[i] = m.DecodeByte(byte(i))
	}
	return &t
}

func latin1Table() *[256]rune {
	var t [256]rune
	for i := range t {
		t[i] = rune(i)
	}
	for i := 0x80; i < 0xA0; i++ {
		t[i] = tableCP850[i]
	}
	return &t
}

func normaliseEncoding(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.ReplaceAll(n, "_", "-")
	switch n {
	case "":
		return "", nil
	case "utf-8", "utf8", "utf-8-sig":
		return EncUTF8, nil
	case "utf-16le", "utf16le", "utf-16", "ucs-2":
		return EncUTF16LE, nil
	case "utf-16be", "utf16be":
		return EncUTF16BE, nil
	case "windows-1251", "cp1251", "win1251", "1251":
		return EncWindows1251, nil
	case "windows-1252", "cp1252", "win1252", "1252":
		return EncWindows1252, nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return EncLatin1, nil
	case "cp850", "ibm850", "dos-850", "850":
		return EncCP850, nil
	case "cp866", "ibm866", "dos-866", "866", "alt":
		return EncCP866, nil
	case "koi8-r", "koi8r", "koi8":
		return EncKOI8R, nil
	case EncUTF8Mixed1251, EncUTF8Mixed1252:
		return n, nil
	}
	return "", fmt.Errorf("%w: unknown encoding %q", ErrEncoding, name)
}

// encodingGuess is the outcome of scanning a file's bytes.
type encodingGuess struct {
	name string
	sure bool
	why  string // a warning for the preview when not sure
	// For a mixed file: the first lines that are not UTF-8, and how many.
	badLines []int
	nBad     int
}

func joinInts(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// byteStats gathers what the encoding decision needs in one pass over the
// file, chunk by chunk, so that a late non-UTF-8 byte is not missed and the
// file is never held in memory.
type byteStats struct {
	n          int64
	utf8Bad    bool
	carry      []byte // incomplete UTF-8 sequence at a chunk end
	high       int64  // bytes >= 0x80
	highPairs  int64  // consecutive pairs of bytes >= 0x80 (Cyrillic words)
	c1         int64  // bytes 0x80-0x9F
	c1Letter   int64  // in a word and a letter in cp850
	c1Letter52 int64  // in a word and a letter in windows-1252
	latinWord  int64  // 0xC0-0xFF next to an ASCII letter (Latin accents)
	prev2      byte
	prev       byte
	// Bytes below the tab at even / odd offsets: no text file holds them,
	// but UTF-16 without a BOM does, as the high byte of each Latin (0x00)
	// or Cyrillic (0x04) character.
	ctrlEven int64
	ctrlOdd  int64
	// highCount counts each byte value >= 0x80: what the Cyrillic code
	// pages read in them decides between them (see cyrillicPage).
	highCount [128]int64

	// Lines, for files mixing UTF-8 lines with lines in a code page.
	line      []byte     // the current line so far (up to maxLineCheck bytes)
	lines     int        // complete lines seen
	utf8Lines int        // lines with valid UTF-8 beyond ASCII
	badLines  []int      // 1-based numbers of lines that are not UTF-8 (the first few)
	nBad      int        // how many such lines
	bad       *byteStats // statistics of those lines alone
	utf8BOM   bool       // the file starts with a UTF-8 byte order mark
}

// maxLineCheck bounds the bytes of one line kept for the line check.
const maxLineCheck = 1 << 20

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// writeLines sorts the complete lines of p into valid UTF-8 and not.
func (s *byteStats) writeLines(p []byte) {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			s.line = append(s.line, p[:min(len(p), maxLineCheck-len(s.line))]...)
			return
		}
		s.line = append(s.line, p[:min(i+1, maxLineCheck-len(s.line))]...)
		s.endLine()
		p = p[i+1:]
	}
}

func (s *byteStats) endLine() {
	s.lines++
	line := s.line
	s.line = s.line[:0]
	if s.lines == 1 {
		line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
	}
	ascii := true
	for _, b := range line {
		if b >= 0x80 {
			ascii = false
			break
		}
	}
	switch {
	case ascii:
	case utf8.Valid(line):
		s.utf8Lines++
	default:
		s.nBad++
		if len(s.badLines) < 5 {
			s.badLines = append(s.badLines, s.lines)
		}
		if s.bad == nil {
			s.bad = &byteStats{utf8Bad: true}
		}
		s.bad.writeBytes(line)
	}
}

func (s *byteStats) write(p []byte) {
	s.writeLines(p)
	s.writeBytes(p)
}

func (s *byteStats) writeBytes(p []byte) {
	if !s.utf8Bad {
		buf := p
		if len(s.carry) > 0 {
			buf = append(s.carry, p...)
		}
		end := len(buf)
		// Keep a possibly incomplete last sequence for the next chunk.
		for i := 1; i <= 3 && i <= len(buf); i++ {
			c := buf[len(buf)-i]
			if c < 0x80 {
				break
			}
			if c >= 0xC0 {
				if need := utf8SeqLen(c); need > i {
					end = len(buf) - i
				}
				break
			}
		}
		if !utf8.Valid(buf[:end]) {
			s.utf8Bad = true
		}
		s.carry = append(s.carry[:0:0], buf[end:]...)
	}
	for i := 0; i < len(p); i++ {
		// Skip runs of plain ASCII eight bytes at a time: they change
		// nothing but the neighbours. (w-belowTab)&^w&highs finds a byte
		// below the tab.
		if s.prev < 0x80 && i+8 <= len(p) {
			w := binary.LittleEndian.Uint64(p[i:])
			const belowTab, highs = 0x0909090909090909, 0x8080808080808080
			if w&highs == 0 && (w-belowTab)&^w&highs == 0 {
				s.prev2, s.prev = p[i+6], p[i+7]
				i += 7
				continue
			}
		}
		b := p[i]
		if b < '\t' {
			if (s.n+int64(i))%2 == 0 {
				s.ctrlEven++
			} else {
				s.ctrlOdd++
			}
		}
		if b >= 0x80 {
			s.high++
			if s.prev >= 0x80 {
				s.highPairs++
			}
			s.highCount[b-0x80]++
			if b >= 0xC0 && b != 0xD7 && b != 0xF7 && (isASCIILetter(s.prev)) {
				s.latinWord++
			}
		}
		// Judge the previous byte now that both its neighbours are known.
		if c := s.prev; c >= 0x80 && c < 0xA0 && (isASCIILetter(s.prev2) || isASCIILetter(b)) {
			if unicode.IsLetter(tableCP850[c]) {
				s.c1Letter++
			}
			if unicode.IsLetter(tableCP1252[c]) {
				s.c1Letter52++
			}
		}
		if b >= 0x80 && b < 0xA0 {
			s.c1++
		}
		s.prev2, s.prev = s.prev, b
	}
	s.n += int64(len(p))
}

func utf8SeqLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	default:
		return 2
	}
}

func (s *byteStats) guess() encodingGuess {
	if s.n >= 4 && s.ctrlEven+s.ctrlOdd > s.n/4 {
		// UTF-16 without a BOM (SQL Server's bcp -w writes it): every
		// other byte is the high byte of a Latin or Cyrillic character.
		if s.ctrlOdd > 4*s.ctrlEven {
			return encodingGuess{name: EncUTF16LE, sure: false, why: "UTF-16 without a byte order mark"}
		}
		if s.ctrlEven > 4*s.ctrlOdd {
			return encodingGuess{name: EncUTF16BE, sure: false, why: "UTF-16 without a byte order mark"}
		}
	}
	if !s.utf8Bad && len(s.carry) == 0 {
		return encodingGuess{name: EncUTF8, sure: true, why: ""}
	}
	if len(s.line) > 0 {
		s.endLine() // the last line has no line break
	}
	if s.bad != nil && (s.utf8BOM || s.utf8Lines >= 2 && s.utf8Lines > s.nBad) {
		// Mostly UTF-8: reading it all in a code page would garble every
		// UTF-8 line; the odd lines are read in the code page they look
		// like, and the preview says which.
		enc := EncUTF8Mixed1252
		if s.bad.singleByte().name == EncWindows1251 {
			enc = EncUTF8Mixed1251
		}
		return encodingGuess{name: enc, why: "lines " + joinInts(s.badLines) + " are not UTF-8", badLines: s.badLines, nBad: s.nBad}
	}
	return s.singleByte()
}

// singleByte guesses the code page of text that is not UTF-8.
func (s *byteStats) singleByte() encodingGuess {
	// Cyrillic in windows-1251 writes every letter as a high byte, so
	// high bytes come in runs; accents in French or German text are
	// isolated among ASCII letters.
	ratio := float64(s.highPairs) / float64(s.high)
	enough := s.high >= 4
	if ratio >= 0.45 {
		page := s.cyrillicPage()
		if enough && ratio >= 0.6 {
			return encodingGuess{name: page, sure: true, why: ""}
		}
		return encodingGuess{name: page, sure: false, why: "could be " + page + " or Windows-1252"}
	}
	sure := enough && ratio <= 0.25
	why := ""
	if !sure {
		why = "could be Windows-1252 or Windows-1251"
	}
	if s.c1 == 0 || s.c1Letter <= s.c1Letter52 {
		return encodingGuess{name: EncWindows1252, sure: sure, why: why}
	}
	if s.latinWord*4 < s.c1Letter {
		return encodingGuess{name: EncCP850, sure: sure, why: why}
	}
	return encodingGuess{name: EncLatin1, sure: sure, why: why}
}

// cyrillicPages are the code pages Russian text comes in, Windows-1251
// first, each with the bytes that are its most frequent vowels.
var cyrillicPages = [...]struct {
	name  string
	vowel *[256]bool
}{{EncWindows1251, vowelBytes(tableCP1251)}, {EncCP866, vowelBytes(tableCP866)}, {EncKOI8R, vowelBytes(tableKOI8R)}}

func vowelBytes(t *[256]rune) *[256]bool {
	var v [256]bool
	for i, r := range t {
		v[i] = i >= 0x80 && strings.ContainsRune("оеаиОЕАИ", r) // both cases: a register may be in capitals
	}
	return &v
}

// cyrillicPage is the code page of Cyrillic text: the one that reads the
// most «о», «е», «а» and «и» (a third of the letters of Russian text) in
// its high bytes. The DOS and KOI8 pages must win clearly, as a few words
// in capitals read as vowels in another page.
func (s *byteStats) cyrillicPage() string {
	var vowels [len(cyrillicPages)]int64
	for k, page := range cyrillicPages {
		for b, n := range s.highCount {
			if page.vowel[0x80+b] {
				vowels[k] += n
			}
		}
	}
	page := EncWindows1251
	for k := 1; k < len(cyrillicPages); k++ {
		if vowels[k] > 2*vowels[0] && vowels[k] > vowels[len(cyrillicPages)-k] {
			page = cyrillicPages[k].name
		}
	}
	return page
}

// bomEncoding reports the encoding a byte order mark announces.
func bomEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return EncUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return EncUTF16BE
	}
	return ""
}

// detectEncoding reads r to the end.
func detectEncoding(r io.Reader) (encodingGuess, error) {
	buf := make([]byte, 256<<10)
	var st byteStats
	first := true
	for {
		n, err := r.Read(buf)
		chunk := buf[:n]
		if first && n > 0 {
			first = false
			switch enc := bomEncoding(chunk); enc {
			case "":
			case EncUTF8:
				// Read on: lines pasted in from another export may still
				// not be UTF-8.
				st.utf8BOM = true
			default:
				return encodingGuess{name: enc, sure: true, why: ""}, nil
			}
		}
		st.write(chunk)
		if err == io.EOF {
			return st.guess(), nil
		}
		if err != nil {
			return encodingGuess{}, err
		}
	}
}

// newDecoder returns a reader of UTF-8 text from r in the given encoding.
// A byte order mark is dropped.
func newDecoder(r io.Reader, enc string) io.Reader {
	return &lineEnds{src: decoder(r, enc)}
}

// decoder reads r's text in encoding enc as UTF-8.
func decoder(r io.Reader, enc string) io.Reader {
	switch enc {
	case EncUTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Reader(r)
	case EncUTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder().Reader(r)
	case EncWindows1251:
		return &tableDecoder{src: r, table: tableCP1251}
	case EncWindows1252:
		return &tableDecoder{src: r, table: tableCP1252}
	case EncLatin1:
		return &tableDecoder{src: r, table: tableLatin1, euroAfterDigit: true}
	case EncCP850:
		return &tableDecoder{src: r, table: tableCP850}
	case EncCP866:
		return &tableDecoder{src: r, table: tableCP866}
	case EncKOI8R:
		return &tableDecoder{src: r, table: tableKOI8R}
	case EncUTF8Mixed1251:
		return &mixedDecoder{src: bufio.NewReaderSize(r, 64<<10), table: tableCP1251}
	case EncUTF8Mixed1252:
		return &mixedDecoder{src: bufio.NewReaderSize(r, 64<<10), table: tableCP1252}
	}
	return &utf8Checker{src: r, first: true}
}

// lineEnds ends every line with "\n": encoding/csv knows "\r\n" and
// "\n" but reads the lone "\r" of Excel for Mac's "Macintosh Comma
// Separated" as part of a cell, which made the whole file one header row.
type lineEnds struct {
	src     io.Reader
	afterCR bool // the last byte read was a "\r", now a "\n": drop a "\n" next
}

func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.src.Read(p)
		if !l.afterCR && bytes.IndexByte(p[:n], '\r') < 0 {
			return n, err
		}
		w := 0
		for _, b := range p[:n] {
			switch {
			case b == '\n' && l.afterCR:
				l.afterCR = false
				continue
			case b == '\r':
				b, l.afterCR = '\n', true
			default:
				l.afterCR = false
			}
			p[w] = b
			w++
		}
		if w > 0 || err != nil {
			return w, err
		}
	}
}

// mixedDecoder reads UTF-8 text line by line, decoding a line that is not
// valid UTF-8 in a code page instead.
type mixedDecoder struct {
	src   *bufio.Reader
	table *[256]rune
	line  []byte
	out   []byte
	off   int
	first bool
	err   error
}

func (d *mixedDecoder) Read(p []byte) (int, error) {
	for d.off >= len(d.out) {
		if d.err != nil {
			return 0, d.err
		}
		d.line = d.line[:0]
		for {
			chunk, err := d.src.ReadSlice('\n')
			d.line = append(d.line, chunk...)
			if err == bufio.ErrBufferFull {
				continue
			}
			d.err = err
			break
		}
		line := d.line
		if !d.first {
			d.first = true
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		d.off = 0
		if utf8.Valid(line) {
			d.out = append(d.out[:0], line...)
			continue
		}
		d.out = d.out[:0]
		for _, b := range line {
			d.out = utf8.AppendRune(d.out, d.table[b])
		}
	}
	n := copy(p, d.out[d.off:])
	d.off += n
	return n, nil
}

// tableDecoder decodes a single-byte code page.
type tableDecoder struct {
	src   io.Reader
	table *[256]rune
	// euroAfterDigit reads 0x80 after a digit as "€" (windows-1252) rather
	// than cp850's "Ç": "15\x80" in the Botanic survey is an amount.
	euroAfterDigit bool
	prev           byte
	raw            []byte
	out            []byte
	off            int
	err            error
}

func (d *tableDecoder) Read(p []byte) (int, error) {
	for d.off >= len(d.out) {
		if d.err != nil {
			return 0, d.err
		}
		if d.raw == nil {
			d.raw = make([]byte, 64<<10)
		}
		n, err := d.src.Read(d.raw)
		d.err = err
		d.out = d.out[:0]
		d.off = 0
		for _, b := range d.raw[:n] {
			switch {
			case b < 0x80:
				d.out = append(d.out, b)
			case b == 0x80 && d.euroAfterDigit && d.prev >= '0' && d.prev <= '9':
				d.out = append(d.out, "€"...)
			default:
				d.out = utf8.AppendRune(d.out, d.table[b])
			}
			d.prev = b
		}
	}
	n := copy(p, d.out[d.off:])
	d.off += n
	return n, nil
}

// utf8Checker passes UTF-8 through, drops a BOM and fails with
// ErrEncoding on the first invalid byte instead of mangling text.
type utf8Checker struct {
	src   io.Reader
	first bool
	buf   []byte
	carry []byte
	out   []byte
	off   int
	pos   int64
	err   error
}

func (c *utf8Checker) Read(p []byte) (int, error) {
	for c.off >= len(c.out) {
		if c.err != nil {
			if c.err == io.EOF && len(c.carry) > 0 {
				c.err = fmt.Errorf("%w: not valid UTF-8 at byte %d", ErrEncoding, c.pos)
			}
			return 0, c.err
		}
		if c.buf == nil {
			c.buf = make([]byte, 64<<10)
		}
		n, err := c.src.Read(c.buf)
		c.err = err
		chunk := append(c.carry, c.buf[:n]...)
		if c.first && len(chunk) >= 3 {
			c.first = false
			if bytes.HasPrefix(chunk, []byte{0xEF, 0xBB, 0xBF}) {
				chunk = chunk[3:]
				c.pos += 3
			}
		}
		end := len(chunk)
		for i := 1; i <= 3 && i <= len(chunk); i++ {
			b := chunk[len(chunk)-i]
			if b < 0x80 {
				break
			}
			if b >= 0xC0 {
				if utf8SeqLen(b) > i {
					end = len(chunk) - i
				}
				break
			}
		}
		if !utf8.Valid(chunk[:end]) {
			bad := 0
			for bad < end {
				r, size := utf8.DecodeRune(chunk[bad:end])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				bad += size
			}
			c.err = fmt.Errorf("%w: not valid UTF-8 at byte %d", ErrEncoding, c.pos+int64(bad))
			c.out, c.off = chunk[:bad], 0
			c.carry = nil
			continue
		}
		c.out = append(c.out[:0], chunk[:end]...)
		c.off = 0
		c.carry = append(c.carry[:0:0], chunk[end:]...)
		c.pos += int64(end)
	}
	n := copy(p, c.out[c.off:])
	c.off += n
	return n, nil
}

// warning is the preview warning of an unsure guess.
func (g encodingGuess) warning() (Message, bool) {
	if g.why == "" {
		return Message{}, false
	}
	text := "encoding: " + g.why
	switch g.name {
	case EncUTF8Mixed1251, EncUTF8Mixed1252:
		page := strings.TrimPrefix(g.name, EncUTF8+"+")
		return warning(warnEncodingMixed, map[string]any{"Lines": joinInts(g.badLines), "Count": g.nBad, "Encoding": page},
			"some lines are not UTF-8 (%d in all; lines %s…): they are read as %s, the rest as UTF-8", g.nBad, joinInts(g.badLines), page), true
	case EncUTF16LE, EncUTF16BE:
		return warning(warnUTF16NoBOM, map[string]any{"Encoding": g.name}, "%s", text), true
	}
	other := EncWindows1251
	for _, page := range cyrillicPages {
		if g.name == page.name {
			other = EncWindows1252
		}
	}
	return warning(warnEncodingGuess, map[string]any{"Encoding": g.name, "Other": other}, "%s", text), true
}
