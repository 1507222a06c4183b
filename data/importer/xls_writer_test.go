package importer

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// A writer of Excel 97-2003 workbooks for the tests: the BIFF8 records
// an Excel file holds for its cells, in a compound file of 512-byte
// sectors. Nothing in Go writes the format, and the tests need files
// whose every cell is known.

// Cell values a test sheet may hold besides strings (shared strings),
// float64 (NUMBER, General) and bool (BOOLERR).
type (
	xlsDate     time.Time     // NUMBER under "dd.mm.yyyy hh:mm"
	xlsDay      time.Time     // NUMBER under built-in format 14
	xlsElapsed  time.Duration // NUMBER under [h]:mm:ss
	xlsClock    time.Duration // NUMBER under h:mm (a time of day)
	xlsRK       int32         // RK, General
	xlsPadded   int           // RK under 00000
	xlsFormula  string        // FORMULA with a string result (STRING)
	xlsNumFunc  float64       // FORMULA with a number result
	xlsLabel    string        // LABEL (a string not shared)
	xlsMulRK    []int32       // MULRK from this column on
	xlsRussianD time.Time     // NUMBER under the Russian code ДД.ММ.ГГГГ
)

// Format ids and XF indexes of the test workbook.
const (
	xfGeneral = iota
	xfDateTime
	xfDay
	xfElapsed
	xfClock
	xfPadded
	xfRussianDay
)

type xlsTestSheet struct {
	name   string
	rows   [][]any
	merges []cellRange // 1-based, written as MERGECELLS
}

// biff collects records, splitting long ones into CONTINUE records.
type biff struct{ bytes.Buffer }

func (b *biff) rec(typ uint16, data []byte) {
	var h [4]byte
	binary.LittleEndian.PutUint16(h[:], typ)
	binary.LittleEndian.PutUint16(h[2:], uint16(len(data)))
	b.Write(h[:])
	b.Write(data)
}

func le16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func le32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// xlString is an XLUnicodeString: wide strings in UTF-16, others in
// Latin-1 when they can be.
func xlString(s string, short bool) []byte {
	u := utf16.Encode([]rune(s))
	var out []byte
	if short {
		out = append(out, byte(len(u)))
	} else {
		out = le16(len(u))
	}
	if narrow(u) {
		out = append(out, 0)
		for _, c := range u {
			out = append(out, byte(c))
		}
		return out
	}
	out = append(out, 1)
	for _, c := range u {
		out = binary.LittleEndian.AppendUint16(out, c)
	}
	return out
}

func narrow(u []uint16) bool {
	for _, c := range u {
		if c > 0xFF {
			return false
		}
	}
	return true
}

// sstRecords writes the shared strings as an SST and its CONTINUE
// records of at most limit bytes, splitting strings across them as Excel
// does (a string's characters go on after a byte giving their width).
func sstRecords(b *biff, strs []string, limit int) {
	cur := append(le32(len(strs)), le32(len(strs))...)
	typ := uint16(recSST)
	flush := func() {
		b.rec(typ, cur)
		typ, cur = recContinue, nil
	}
	for _, s := range strs {
		u := utf16.Encode([]rune(s))
		wide := !narrow(u)
		width := 1
		if wide {
			width = 2
		}
		if len(cur)+3+width > limit {
			flush()
		}
		flag := byte(0)
		if wide {
			flag = 1
		}
		cur = append(append(cur, le16(len(u))...), flag)
		for i := 0; i < len(u); {
			if len(cur)+width > limit {
				flush()
				cur = append(cur, flag)
			}
			if wide {
				cur = binary.LittleEndian.AppendUint16(cur, u[i])
			} else {
				cur = append(cur, byte(u[i]))
			}
			i++
		}
	}
	flush()
}

func cellHead(row, col, xf int) []byte {
	return append(append(le16(row), le16(col)...), le16(xf)...)
}

func numberRec(b *biff, row, col, xf int, v float64) {
	b.rec(recNumber, binary.LittleEndian.AppendUint64(cellHead(row, col, xf), math.Float64bits(v)))
}

func rkInt(v int32) uint32 { return uint32(v)<<2 | 0x02 }

// excelSerial is t as an Excel 1900-system serial.
func excelSerial(t time.Time) float64 {
	return float64(t.Sub(excelEpoch)) / float64(24*time.Hour)
}

// writeXLS writes the sheets to path as an Excel 97-2003 workbook; sst
// strings go into records of at most sstLimit bytes (Excel's 8224 when 0).
func writeXLS(tb testing.TB, path string, sstLimit int, sheets ...xlsTestSheet) {
	tb.Helper()
	if err := os.WriteFile(path, compoundFile("Workbook", xlsStream(tb, sstLimit, sheets...)), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// xlsStream is the workbook stream of the sheets (see writeXLS).
func xlsStream(tb testing.TB, sstLimit int, sheets ...xlsTestSheet) []byte {
	tb.Helper()
	if sstLimit == 0 {
		sstLimit = 8224
	}
	var strs []string
	index := map[string]int{}
	for _, sh := range sheets {
		for _, r := range sh.rows {
			for _, c := range r {
				if s, ok := c.(string); ok {
					if _, seen := index[s]; !seen {
						index[s] = len(strs)
						strs = append(strs, s)
					}
				}
			}
		}
	}
	var g biff
	g.rec(recBOF, append(le16(0x0600), le16(0x0005)...))
	for id, code := range map[int]string{164: "dd.mm.yyyy hh:mm", 165: "00000", 166: `ДД\.ММ\.ГГГГ`} {
		g.rec(recFormat, append(le16(id), xlString(code, false)...))
	}
	for _, f := range []int{0, 164, 14, 46, 20, 165, 166} {
		g.rec(recXF, append(le16(0), append(le16(f), make([]byte, 16)...)...))
	}
	bounds := make([]int, len(sheets)) // where each BOUNDSHEET's offset goes
	for i, sh := range sheets {
		bounds[i] = g.Len() + 4
		g.rec(recBoundSheet, append(append(le32(0), 0, 0), xlString(sh.name, true)...))
	}
	sstRecords(&g, strs, sstLimit)
	g.rec(recEOF, nil)
	stream := g.Bytes()
	for i, sh := range sheets {
		binary.LittleEndian.PutUint32(stream[bounds[i]:], uint32(len(stream)))
		var s biff
		s.rec(recBOF, append(le16(0x0600), le16(0x0010)...))
		for r, row := range sh.rows {
			for c, v := range row {
				h := cellHead(r, c, xfGeneral)
				switch v := v.(type) {
				case nil:
				case string:
					s.rec(recLabelSST, append(h, le32(index[v])...))
				case float64:
					numberRec(&s, r, c, xfGeneral, v)
				case bool:
					b := byte(0)
					if v {
						b = 1
					}
					s.rec(recBoolErr, append(h, b, 0))
				case xlsDate:
					numberRec(&s, r, c, xfDateTime, excelSerial(time.Time(v)))
				case xlsDay:
					numberRec(&s, r, c, xfDay, excelSerial(time.Time(v)))
				case xlsRussianD:
					numberRec(&s, r, c, xfRussianDay, excelSerial(time.Time(v)))
				case xlsElapsed:
					numberRec(&s, r, c, xfElapsed, time.Duration(v).Hours()/24)
				case xlsClock:
					numberRec(&s, r, c, xfClock, time.Duration(v).Hours()/24)
				case xlsRK:
					s.rec(recRK, append(h, le32(int(rkInt(int32(v))))...))
				case xlsPadded:
					s.rec(recRK, append(cellHead(r, c, xfPadded), le32(int(rkInt(int32(v))))...))
				case xlsMulRK:
					d := append(le16(r), le16(c)...)
					for _, n := range v {
						d = append(append(d, le16(xfGeneral)...), le32(int(rkInt(n)))...)
					}
					s.rec(recMulRK, append(d, le16(c+len(v)-1)...))
				case xlsFormula:
					res := []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}
					s.rec(recFormula, append(append(h, res...), make([]byte, 8)...))
					s.rec(recString, xlString(string(v), false))
				case xlsNumFunc:
					s.rec(recFormula, append(binary.LittleEndian.AppendUint64(h, math.Float64bits(float64(v))), make([]byte, 8)...))
				case xlsLabel:
					s.rec(recLabel, append(h, xlString(string(v), false)...))
				default:
					tb.Fatalf("writeXLS: no cell for %T", v)
				}
			}
		}
		if len(sh.merges) > 0 {
			d := le16(len(sh.merges))
			for _, m := range sh.merges {
				d = append(append(append(append(d, le16(m.top-1)...), le16(m.bottom-1)...), le16(m.left-1)...), le16(m.right-1)...)
			}
			s.rec(recMergeCells, d)
		}
		s.rec(recEOF, nil)
		stream = append(stream, s.Bytes()...)
	}
	return stream
}

// compoundFile wraps a stream in a version 3 compound file: the stream's
// sectors, one directory sector (the root and the stream, named name),
// then the FAT. The stream is padded to 4096 bytes so that it is no mini
// stream.
func compoundFile(name string, stream []byte) []byte {
	const sector = 512
	const endOfChain, fatSect, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	size := max(len(stream), 4096)
	data := make([]byte, (size+sector-1)/sector*sector)
	copy(data, stream)
	n := len(data) / sector
	fatSectors := 1
	for fatSectors*128 < n+1+fatSectors {
		fatSectors++
	}
	fat := make([]uint32, fatSectors*128)
	for i := range fat {
		fat[i] = free
	}
	for i := range n {
		fat[i] = uint32(i + 1)
	}
	fat[n-1] = endOfChain
	fat[n] = endOfChain // the directory
	for i := range fatSectors {
		fat[n+1+i] = fatSect
	}
	head := make([]byte, sector)
	copy(head, oleMagic)
	binary.LittleEndian.PutUint16(head[24:], 0x3E)
	binary.LittleEndian.PutUint16(head[26:], 3)
	binary.LittleEndian.PutUint16(head[28:], 0xFFFE)
	binary.LittleEndian.PutUint16(head[30:], 9)
	binary.LittleEndian.PutUint16(head[32:], 6)
	binary.LittleEndian.PutUint32(head[44:], uint32(fatSectors))
	binary.LittleEndian.PutUint32(head[48:], uint32(n))
	binary.LittleEndian.PutUint32(head[56:], 4096)
	binary.LittleEndian.PutUint32(head[60:], endOfChain)
	binary.LittleEndian.PutUint32(head[68:], endOfChain)
	for i := range 109 {
		v := uint32(free)
		if i < fatSectors {
			v = uint32(n + 1 + i)
		}
		binary.LittleEndian.PutUint32(head[76+4*i:], v)
	}
	entry := func(name string, typ byte, child, start uint32, size int) []byte {
		e := make([]byte, 128)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			binary.LittleEndian.PutUint16(e[2*i:], c)
		}
		if name != "" {
			binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[68:], free)
		binary.LittleEndian.PutUint32(e[72:], free)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint32(e[120:], uint32(size))
		return e
	}
	var dir []byte
	dir = append(dir, entry("Root Entry", 5, 1, endOfChain, 0)...)
	dir = append(dir, entry(name, 2, free, 0, size)...)
	dir = append(dir, entry("", 0, free, 0, 0)...)
	dir = append(dir, entry("", 0, free, 0, 0)...)
	out := append(head, data...)
	out = append(out, dir...)
	for _, v := range fat {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out
}

// writeXLS5 writes one sheet as Excel 5.0/95 does (BIFF5, as 1C 7.7
// saves): a "Book" stream, text as LABEL records in windows-1251, the
// custom formats' codes counted in bytes. Cells: strings, xlsRK, xlsDate.
func writeXLS5(tb testing.TB, path, sheet string, rows [][]any) {
	tb.Helper()
	cp := func(s string) []byte {
		b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	var g biff
	g.rec(recBOF, append(le16(0x0500), le16(0x0005)...))
	g.rec(recCodePage, le16(1251))
	code := cp("dd.mm.yyyy hh:mm")
	g.rec(recFormat, append(append(le16(164), byte(len(code))), code...))
	for _, f := range []int{0, 164} {
		g.rec(recXF, append(le16(0), append(le16(f), make([]byte, 12)...)...))
	}
	bound := g.Len() + 4
	name := cp(sheet)
	g.rec(recBoundSheet, append(append(le32(0), 0, 0, byte(len(name))), name...))
	g.rec(recEOF, nil)
	stream := g.Bytes()
	binary.LittleEndian.PutUint32(stream[bound:], uint32(len(stream)))
	var s biff
	s.rec(recBOF, append(le16(0x0500), le16(0x0010)...))
	for r, row := range rows {
		for c, v := range row {
			switch v := v.(type) {
			case string:
				text := cp(v)
				s.rec(recLabel, append(append(cellHead(r, c, xfGeneral), le16(len(text))...), text...))
			case xlsRK:
				s.rec(recRK, append(cellHead(r, c, xfGeneral), le32(int(rkInt(int32(v))))...))
			case xlsDate:
				numberRec(&s, r, c, 1, excelSerial(time.Time(v)))
			default:
				tb.Fatalf("writeXLS5: no cell for %T", v)
			}
		}
	}
	s.rec(recEOF, nil)
	if err := os.WriteFile(path, compoundFile("Book", append(stream, s.Bytes()...)), 0o644); err != nil {
		tb.Fatal(err)
	}
}
