package importer

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"caredesk/data"
)

// Progress is reported at most every progressRows rows or progressEvery.
const (
	progressRows  = 10000
	progressEvery = 100 * time.Millisecond
)

// clock tells the time of an import; tests set it.
var clock = time.Now

// maxAhead is how far past the import a response or an opening may be
// dated: a day covers a source in a zone ahead of the machine's clock.
const maxAhead = 24 * time.Hour

// rowBase is the row state every kind of import shares: the plan, the
// date reader, the reject callback and the counts.
type rowBase struct {
	p        *plan
	opt      Options
	dates    dateReader
	col      map[Field]int
	names    []string
	hash     hash.Hash
	buf      []byte
	repeats  repeatCounter // content hashes seen in this file
	channels map[string]data.Channel
	dateCols []bool   // per column: read as dates (shown as dates in rejects)
	undated  []string // per column: the value that stands for no date (see undatedMarkers)
	// clocks are the columns holding the time of day of a date column
	// that has none, by the date column (see pairClocks).
	clocks   map[int]int
	latest   time.Time // the latest date a response or an opening may have
	rejected func(row int, column, value string, why Message)
	rejects  int // rows rejected so far
	// minWidth is the fewest cells a CSV row may have: up to the last
	// named column, for a header that ends with a delimiter (an empty
	// column) may top rows that do not.
	minWidth int
	skipped  int // rows that hold no item to import (tickets marked spam)
	tests    int // survey previews and tests skipped
	read     int // data rows read so far
	// summaries are the total rows skipped, as warnings.
	summaries []Message
	// cut counts, per field, the texts longer than the field keeps, with
	// the first rows that held one.
	cut map[Field]*cutTexts
}

func newRowBase(p *plan, opt Options) rowBase {
	b := rowBase{
		p:        p,
		opt:      opt,
		dates:    dateReader{order: p.order, loc: p.dateLoc, excel: p.excelDates(), date1904: p.date1904, serialRange: p.serialDates},
		col:      p.mapping,
		names:    p.columnNames(),
		hash:     sha1.New(),
		channels: map[string]data.Channel{},
		dateCols: make([]bool, len(p.cols)),
		undated:  make([]string, len(p.cols)),
		latest:   clock().Add(maxAhead),
		clocks:   p.clocks,
	}
	for i, c := range p.cols {
		b.undated[i], _ = byHeader(undatedMarkers, c.norm)
		if len(c.headers) > 0 {
			b.minWidth = i + 1
		}
	}
	for _, i := range p.dateColumns() {
		b.dateCols[i] = true
	}
	return b
}

func (b *rowBase) cell(rec []string, f Field) (string, bool) {
	i, ok := b.col[f]
	if !ok || i >= len(rec) {
		return "", ok
	}
	return rec[i], true
}

// text returns a mapped text cell, trimmed, missing markers emptied.
func (b *rowBase) text(rec []string, f Field) string {
	v, _ := b.cell(rec, f)
	if v == "" {
		return ""
	}
	return cleanText(v)
}

// unreadPast reports whether a ticket row of n cells lacks only columns
// nothing reads: Linear leaves the last, empty cell off its rows ("…,,"
// for a header of 30, 29 cells), and what the row holds is all there. A
// row short of a column that is read (a survey's, whose other columns
// may be read as options, or a ticket's) is still rejected: its cells
// may have moved.
func (b *rowBase) unreadPast(n int) bool {
	if b.p.schema != complaintSchema {
		return false
	}
	for _, tc := range b.clocks {
		if tc >= n {
			return false
		}
	}
	for _, i := range b.col {
		if i >= n {
			return false
		}
	}
	return true
}

// headerAgain reports whether a row repeats the header: every named
// column holds its own name (two at least).
func (b *rowBase) headerAgain(rec []string) bool {
	named := 0
	for i, c := range b.p.cols {
		if len(c.headers) != 1 {
			continue // grouped or unnamed columns: no single name to repeat
		}
		if i >= len(rec) || !strings.EqualFold(strings.TrimSpace(rec[i]), c.headers[0]) {
			return false
		}
		named++
	}
	return named >= 2
}

// columnNumbers reports whether a row numbers the columns above it, as
// Russian forms of registers and journals do under their header («1»,
// «2», «3»… for «N п/п», «Дата приема»…): every one of the width
// columns but empty ones before the first holds its number, 1, 2, 3 in
// order (three at least).
func columnNumbers(rec []string, width int) bool {
	n := 0
	for i, c := range rec {
		c = strings.TrimSpace(c)
		if c == "" {
			if n > 0 && !isBlank(rec[i:]) {
				return false
			}
			if n > 0 {
				break
			}
			continue
		}
		if c != strconv.Itoa(n+1) {
			return false
		}
		n++
	}
	lead := 0
	for lead < len(rec) && strings.TrimSpace(rec[lead]) == "" {
		lead++
	}
	return n >= 3 && lead+n == width
}

// usable reports whether a record can be read as a data row: it has the
// header's width and is not a total line (which is skipped with a
// warning). ok=false when the row was rejected or skipped.
func (b *rowBase) usable(rec []string, row int) bool {
	want := len(b.p.cols)
	if len(rec) < b.minWidth && !b.p.cells() && !b.unreadPast(len(rec)) || len(rec) > want && !isBlank(rec[want:]) {
		b.rejected(row, "", b.rowText(rec), reasonFieldCount.msg(len(rec), want))
		return false
	}
	if b.p.schema == complaintSchema && (columnNumbers(rec, len(b.p.cols)) || b.headerAgain(rec)) {
		// The form's numbers of its columns, under the header or atop a
		// printed page; the header itself again, where monthly exports
		// were put one after another in a file.
		return false
	}
	if isSummaryRow(rec) {
		raw, mapped := b.cell(rec, b.p.schema.dates[0])
		if _, why := b.dates.parse(strings.TrimSpace(raw)); !mapped || why != "" {
			if len(b.summaries) < maxSummaryWarnings {
				text := strings.Join(strings.Fields(strings.Join(rec, " ")), " ")
				b.summaries = append(b.summaries, warning(warnSummarySkipped, map[string]any{"Row": row, "Text": text},
					"row %d looks like a total, not data, and was skipped: %q", row, text))
			}
			return false
		}
	}
	return true
}

// date reads a mapped date cell; present=false when the column is not
// mapped or the cell is missing, ok=false when the row was rejected.
func (b *rowBase) date(rec []string, f Field, row int) (t time.Time, present, ok bool) {
	i, mapped := b.col[f]
	if !mapped {
		return t, false, true
	}
	if t, present, ok = b.dateAt(rec, i, row); ok && present {
		if tc, paired := b.clocks[i]; paired {
			t, ok = b.withClock(rec, row, tc, t)
		}
	}
	return t, present, ok
}

// undatedMarkers are the values a date column holds for "no date
// recorded", by the column's header: a LimeSurvey survey that does not
// keep dates marks every submitted response 1980-01-01 00:00:00.
var undatedMarkers = map[string]string{
	"submitdate":     "1980-01-01 00:00:00",
	"date submitted": "1980-01-01 00:00:00",
	// amoCRM's lead export writes an open lead's closing date so.
	"дата закрытия": "не закрыта",
}

// dateAt reads the date cell of column i, as date does.
func (b *rowBase) dateAt(rec []string, i, row int) (t time.Time, present, ok bool) {
	var raw string
	if i < len(rec) {
		raw = strings.TrimSpace(rec[i])
	}
	if isMissing(raw) || raw == b.undated[i] {
		return t, false, true
	}
	t, why := b.dates.parse(raw)
	if why != "" {
		b.rejected(row, b.names[i], b.shown(i, raw), why.msg())
		return t, true, false
	}
	return t, true, true
}

// shown is a cell as rejects show it: in a workbook, a date cell holding
// an Excel serial as the date it stands for (45231.5 -> 2023-11-01
// 12:00), since Excel displays the date and the user would not find the
// number in the sheet.
func (b *rowBase) shown(i int, v string) string {
	if b.p.xlsx && i < len(b.dateCols) && b.dateCols[i] {
		if d, ok := excelDateText(strings.TrimSpace(v), b.p.date1904); ok {
			return d
		}
	}
	return v
}

// happened reports whether t, read from column i, is no later than
// latest. A survey answer or a ticket dated later cannot have happened
// yet (a typo in the year, a placeholder such as 2099): the row is
// rejected.
func (b *rowBase) happened(rec []string, i, row int, t time.Time) bool {
	if !t.After(b.latest) {
		return true
	}
	b.rejected(row, b.names[i], b.shown(i, strings.TrimSpace(rec[i])), reasonFutureDate.msg())
	return false
}

// rowText is a whole row as rejects show it: a text file's line as it
// was, a sheet's or page's cells joined by commas.
func (b *rowBase) rowText(rec []string) string {
	if !b.p.cells() {
		return strings.Join(rec, string(b.p.delim))
	}
	cells := make([]string, len(rec))
	for i, v := range rec {
		cells[i] = b.shown(i, v)
	}
	return strings.Join(cells, ", ")
}

// channel maps channel text through a cache: exports repeat a handful of
// values a million times.
func (b *rowBase) channel(v string) data.Channel {
	if c, ok := b.channels[v]; ok {
		return c
	}
	c := data.ParseChannel(cleanText(v))
	if len(b.channels) < 1000 {
		b.channels[v] = c
	}
	return c
}

func (b *rowBase) colName(f Field) string {
	if i, ok := b.col[f]; ok {
		return b.names[i]
	}
	return string(f)
}

// reject reports a bad value of field f.
func (b *rowBase) reject(rec []string, row int, f Field, why Message) {
	v, _ := b.cell(rec, f)
	if i, ok := b.col[f]; ok {
		v = b.shown(i, v)
	}
	b.rejected(row, b.colName(f), v, why)
}

// contentID identifies a row without an id column by its content (the
// bytes content appends); the k-th repeat of identical content in the
// file gets "#k" so that genuine identical rows are not merged, while a
// re-import of the same file yields the same ids.
func (b *rowBase) contentID(content func(buf []byte) []byte) string {
	b.buf = content(b.buf[:0])
	b.hash.Reset()
	b.hash.Write(b.buf)
	var sum [sha1.Size]byte
	b.hash.Sum(sum[:0])
	id := hex.EncodeToString(sum[:])
	if k := b.repeats.add(binary.LittleEndian.Uint64(sum[:8])); k > 1 {
		id += "#" + strconv.Itoa(int(k))
	}
	return id
}

// rowBuilder turns records into feedback.
type rowBuilder struct {
	rowBase
	// started is the column dating a response the tool left unfinished,
	// -1 when there is none: its date column is then empty (see
	// dateFallbacks).
	started int
	// zone is the column holding each row's time zone, -1 when there is
	// none (see zoneHeaders); zones caches the zones its values name.
	zone  int
	zones map[string]*time.Location
	// testMarks are the columns that mark a survey preview or test
	// (Qualtrics' status and distribution channel).
	testMarks []int
}

// testResponseMarks are the values of Qualtrics' Status ("Response
// Type"; the numeric export writes codes) and DistributionChannel that
// mark an answer no client gave: the designer's previews and tests, and
// spam.
var testResponseMarks = []string{"survey preview", "survey test", "spam", "preview spam", "imported spam", "offline preview",
	"preview", "test", "1", "2", "8", "9", "12", "17"}

// dateFallbacks name, for a date column that a tool leaves empty on an
// unfinished response, the columns that date it instead, best first.
// Typeform dates a partial response by its start; LimeSurvey an
// incomplete one by its last action, "datestamp" among question codes,
// "Date last action" among full question texts (cut to "Date last
// actio.." among abbreviated ones); Alchemer by "Time Started" when a
// partial response has no "Date Submitted"; Zoho Survey a partial one by
// its start (in English and in Russian).
var dateFallbacks = map[string][]string{
	"submit date (utc)": {"start date (utc)"},
	"submitdate":        {"datestamp", "startdate"},
	"date submitted":    {"date last action", "date started", "time started"},
	"submitted time":    {"started time"},
	"время отправки":    {"время начала"},
	// Anketolog, Testograf and WebAsk export unfinished answers with no end.
	"дата окончания":         {"дата начала"},
	"дата и время окончания": {"дата и время начала"},
	"дата завершения":        {"дата начала"},
	// SurveySparrow: a partial response by its start.
	"submission time": {"start time"},
	// Refiner: an answer left before the last question by the last data
	// it sent.
	"completed at": {"last data reception at"},
}

func newRowBuilder(p *plan, opt Options) *rowBuilder {
	b := &rowBuilder{rowBase: newRowBase(p, opt), started: -1, zone: -1, zones: map[string]*time.Location{}}
	if dc, ok := p.mapping[FieldDate]; ok {
		fallbacks, _ := byHeader(dateFallbacks, spaced(p.cols[dc].norm))
		for _, n := range fallbacks {
			if b.started = slices.IndexFunc(p.cols, func(c column) bool { return headerIs(spaced(c.norm), n) }); b.started >= 0 {
				break
			}
		}
		// A header that names the zone of its dates (Typeform's "(UTC)",
		// Qualtrics' ImportId) says how the tool wrote them, whatever
		// zone the respondent was in.
		if p.cols[dc].loc == nil {
			b.zone = p.freeColumn(zoneHeaders)
		}
	}
	if b.started >= 0 {
		b.dateCols[b.started] = true
	}
	if p.format == FormatQualtrics {
		for i, c := range p.cols {
			if c.norm == "status" || c.norm == "distributionchannel" {
				b.testMarks = append(b.testMarks, i)
			}
		}
	}
	return b
}

// isTest reports whether rec is a survey preview, test or spam, and the
// mark that says so.
func (b *rowBuilder) isTest(rec []string) (string, bool) {
	for _, i := range b.testMarks {
		if i < len(rec) {
			if v := strings.TrimSpace(rec[i]); slices.Contains(testResponseMarks, strings.ToLower(v)) {
				return v, true
			}
		}
	}
	return "", false
}

// skipTest passes over a preview, test or spam answer.
func (b *rowBase) skipTest(row int, mark string) {
	b.skipNamed(&b.tests, func() Message {
		return warning(warnTestResponse, map[string]any{"Row": row, "Status": mark},
			"row %d is marked %q: a survey preview, test or spam, not a client's answer; skipped", row, mark)
	})
}

// moreTests counts the skipped previews and tests past the ones named.
func (b *rowBase) moreTests() {
	b.moreSkipped(b.tests, func(more int) Message {
		return warning(warnMoreTests, map[string]any{"Count": more}, "%d more survey previews, tests or spam answers were skipped", more)
	})
}

// clip reads a text cell, as plain text when written in HTML, cut to max
// characters: a complaint or an answer is not refused for a long story
// (CFPB narratives run past 20,000 characters), and the cut is reported.
func (b *rowBase) clip(rec []string, row int, f Field, max int) string {
	v := plainText(b.text(rec, f))
	if len(v) <= max || utf8.RuneCountInString(v) <= max {
		return v
	}
	b.noteCut(f, row, max)
	n := 0
	for i := range v {
		if n == max {
			return v[:i]
		}
		n++
	}
	return v
}

// cutTexts are the texts of one field cut to the longest it keeps.
type cutTexts struct {
	count, max int
	rows       []int // the first few
}

// cutRowsNamed is how many rows a warning about cut texts names.
const cutRowsNamed = 5

func (b *rowBase) noteCut(f Field, row, max int) {
	if b.cut == nil {
		b.cut = map[Field]*cutTexts{}
	}
	c := b.cut[f]
	if c == nil {
		c = &cutTexts{max: max}
		b.cut[f] = c
	}
	c.count++
	if len(c.rows) < cutRowsNamed {
		c.rows = append(c.rows, row)
	}
}

// warnCut sums the cut texts up in a warning per field that names the
// first rows: a million-row CFPB export holds 151 narratives too long,
// and a warning each buried the rest of the result.
func (b *rowBase) warnCut() {
	for _, f := range b.p.schema.order {
		c := b.cut[f]
		if c == nil {
			continue
		}
		rows := make([]string, len(c.rows))
		for i, r := range c.rows {
			rows[i] = strconv.Itoa(r)
		}
		col, list, more := b.colName(f), strings.Join(rows, ", "), c.count > len(c.rows)
		b.summaries = append(b.summaries, warning(warnTextsCut,
			map[string]any{"Column": col, "Max": c.max, "Count": c.count, "RowNumbers": list, "More": more},
			"texts in %q longer than %d characters were cut to that length: %d (rows %s)", col, c.max, c.count, list))
	}
}

// skipNamed counts a row skipped in *n; the first maxSummaryWarnings are
// named (named makes the warning), the rest are counted by moreSkipped.
func (b *rowBase) skipNamed(n *int, named func() Message) {
	*n++
	if *n <= maxSummaryWarnings {
		b.summaries = append(b.summaries, named())
	}
}

// moreSkipped adds the warning counting the n skipped rows past the ones
// named.
func (b *rowBase) moreSkipped(n int, more func(int) Message) {
	if m := n - maxSummaryWarnings; m > 0 {
		b.summaries = append(b.summaries, more(m))
	}
}

// build converts one record; ok=false when the row was rejected (the
// reject callback has been called) or skipped.
func (b *rowBuilder) build(rec []string, row int) (*data.Feedback, bool) {
	if !b.usable(rec, row) {
		return nil, false
	}
	if mark, test := b.isTest(rec); test {
		b.skipTest(row, mark)
		return nil, false
	}
	if !b.rowZone(rec, row) {
		return nil, false
	}
	fb := &data.Feedback{Score: data.NoScore}
	dc := b.col[FieldDate]
	t, present, ok := b.date(rec, FieldDate, row)
	if ok && !present && b.started >= 0 {
		dc = b.started
		t, present, ok = b.dateAt(rec, dc, row)
	}
	switch {
	case !ok:
		return nil, false
	case present:
		if !b.happened(rec, dc, row, t) {
			return nil, false
		}
		fb.RespondedAt = t
	case !b.opt.FileDate.IsZero():
		fb.RespondedAt = b.opt.FileDate
	default:
		raw, _ := b.cell(rec, FieldDate)
		b.rejected(row, b.colName(FieldDate), strings.TrimSpace(raw), reasonDateMissing.msg())
		return nil, false
	}

	raw, _ := b.cell(rec, FieldScore)
	s, why := parseScore(raw)
	if b.p.scoreFrom1 {
		s, why = recodedScore(raw)
	}
	if why != "" {
		b.rejected(row, b.names[b.col[FieldScore]], raw, why.msg())
		return nil, false
	}
	fb.Score = s

	fb.Comment = b.clip(rec, row, FieldComment, data.MaxCommentLen)
	if v, _ := b.cell(rec, FieldChannel); v != "" {
		fb.Channel = b.channel(v)
	}
	fb.Touchpoint = b.text(rec, FieldTouchpoint)
	if fb.ClientName = b.text(rec, FieldClient); anonymousName(fb.ClientName) {
		fb.ClientName = ""
	}
	fb.Segment = b.text(rec, FieldSegment)
	if v := b.text(rec, FieldTags); v != "" {
		fb.Tags = data.ParseTags(listCell(v))
	}

	if err := fb.Validate(); err != nil {
		field := map[string]Field{"responded_at": FieldDate, "score": FieldScore, "comment": FieldComment,
			"channel": FieldChannel, "touchpoint": FieldTouchpoint, "tags": FieldTags}
		b.rejectInvalid(rec, row, err, field)
		return nil, false
	}

	if v, _ := b.cell(rec, FieldExternalID); !isMissing(v) {
		fb.ExternalID = strings.TrimSpace(v)
	} else {
		fb.ExternalID = b.contentID(func(buf []byte) []byte {
			buf = fb.RespondedAt.UTC().AppendFormat(buf, time.RFC3339Nano)
			buf = append(buf, 0x1f)
			buf = strconv.AppendInt(buf, int64(fb.Score), 10)
			for _, s := range []string{fb.Comment, string(fb.Channel), fb.Touchpoint, fb.ClientName, fb.Segment} {
				buf = append(buf, 0x1f)
				buf = append(buf, s...)
			}
			for _, t := range fb.Tags {
				buf = append(buf, 0x1e)
				buf = append(buf, t...)
			}
			return buf
		})
	}
	return fb, true
}

// rejectInvalid reports a data validation error against the column of
// the field it names (fields: data field name -> import field).
func (b *rowBase) rejectInvalid(rec []string, row int, err error, fields map[string]Field) {
	var ve data.ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		b.reject(rec, row, fields[ve[0].Field], validationMessage(ve[0]))
		return
	}
	b.rejected(row, "", "", reasonInvalid.msg(err.Error()))
}

// rowBatch is a run of parsed rows handed from the parser to the store.
type rowBatch[T any] struct {
	items   []T
	rowNums []int // spreadsheet row of each item
	read    int   // data rows read so far, for progress
	bytes   int64 // bytes read so far
}

const batchRows = 256

// rowParser turns records into items of one kind. parse returns ok=false
// for a row that was rejected, skipped or held back: flush then hands
// over the items held back until the end of the file (an event log's
// tickets), with the row each starts on.
type rowParser[T any] struct {
	base  *rowBase
	parse func(rec []string, row int) (T, bool)
	flush func(emit func(item T, row int) bool) bool
}

// produceRows reads, parses and validates rows and sends the valid ones in
// batches. In strict mode it stops sending after the first bad row but
// reads on to report every bad row.
func produceRows[T any](ctx context.Context, src recordSource, rp rowParser[T], strict bool, ch chan<- rowBatch[T], stop <-chan struct{}) error {
	b := rp.base
	bt := rowBatch[T]{}
	send := func() bool {
		bt.read, bt.bytes = b.read, src.bytesRead()
		select {
		case ch <- bt:
			bt = rowBatch[T]{items: make([]T, 0, batchRows), rowNums: make([]int, 0, batchRows)}
			return true
		case <-stop:
		case <-ctx.Done():
		}
		return false
	}
	lastSent := 0
	add := func(item T, row int) bool {
		if strict && b.rejects > 0 {
			return true
		}
		bt.items = append(bt.items, item)
		bt.rowNums = append(bt.rowNums, row)
		if len(bt.items) == batchRows || b.read-lastSent >= 16*batchRows {
			if !send() {
				return false
			}
			lastSent = b.read
		}
		return true
	}
	stopped := false
	err := forEachRecord(ctx, src, b, nil, func(rec []string, row int) bool {
		item, ok := rp.parse(rec, row)
		if !ok {
			if b.read-lastSent >= 16*batchRows {
				if !send() {
					stopped = true
					return false
				}
				lastSent = b.read
			}
			return true
		}
		stopped = !add(item, row)
		return !stopped
	})
	if err != nil {
		return err
	}
	if stopped {
		return ctx.Err()
	}
	if rp.flush != nil && !rp.flush(add) {
		return ctx.Err()
	}
	if !send() {
		return ctx.Err()
	}
	return nil
}

// importTx is a store's import transaction for items of one kind.
type importTx[T any] interface {
	Add(item T) (inserted bool, err error)
	Commit() (data.ImportBatch, error)
	Rollback() error
}

// defaultLocation fills opt.Location from the store's department zone
// when the caller gave none.
func defaultLocation(store any, opt *Options) {
	if opt.Location == nil {
		if l, ok := store.(interface{ Location() *time.Location }); ok {
			opt.Location = l.Location()
		}
	}
}

// ImportFeedback imports a survey export into the store in one
// transaction. Valid rows are stored and bad rows reported (Strict: any
// bad row stores nothing). On any error or cancellation the store is left
// exactly as before. progress may be nil. When opt.Location is nil and the
// store knows the department's zone (data.SettingsStore), that zone is used.
func ImportFeedback(ctx context.Context, store data.FeedbackStore, path string, opt Options, progress func(Progress)) (res Result, err error) {
	defaultLocation(store, &opt)
	p, err := prepare(path, opt, feedbackSchema)
	if err != nil {
		return res, err
	}
	defer p.close()
	res.Warnings = p.warnings
	wrap := func(err error) error { return inFile(p.base, err) }
	if _, ok := p.mapping[FieldScore]; !ok {
		if why := p.noScore(); why != nil {
			return res, wrap(why)
		}
		return res, wrap(ErrNoScoreColumn)
	}
	if dc, ok := p.mapping[FieldDate]; !ok && opt.FileDate.IsZero() {
		return res, wrap(ErrNeedFileDate)
	} else if ok && !p.orderOK {
		return res, wrap(fmt.Errorf("column %q: %w", p.columnNames()[dc], ErrAmbiguousDates))
	}
	b := newRowBuilder(p, opt)
	begin := func(bt data.ImportBatch) (importTx[*data.Feedback], error) {
		return store.BeginFeedbackImport(ctx, bt)
	}
	defer collectEvery(feedbackGCPercent)()
	return runImport(ctx, p, opt, progress, rowParser[*data.Feedback]{base: &b.rowBase, parse: b.build}, begin)
}

// runImport streams a prepared file into one import transaction: parsing
// runs ahead of the store's inserts, bad rows go to the rejects file, and
// anything short of a clean commit rolls back.
func runImport[T any](ctx context.Context, p *plan, opt Options, progress func(Progress), rp rowParser[T], begin func(data.ImportBatch) (importTx[T], error)) (res Result, err error) {
	res.Warnings = p.warnings
	wrap := func(err error) error { return inFile(p.base, err) }
	// The same bound as a row's own date (see happened): a whole-file date
	// in the future is a typo, and every row would carry it.
	if d := opt.FileDate; !d.IsZero() && d.After(clock().Add(maxAhead)) {
		day := d.Format(time.DateOnly)
		return res, wrap(&MessageError{Message: warning(errFutureFileDate, map[string]any{"Date": day},
			"the date given for the whole file, %s, is in the future", day), Err: ErrFutureFileDate})
	}
	rw := newRejectWriter(p, opt)
	defer func() { rw.finish(&res.Warnings, &res.RejectsFile, err) }()
	b := rp.base
	// Only the parsing goroutine touches rejects; they move into res once
	// it has finished.
	var rejects []Reject
	rw.collect(p, b, &rejects)

	imp, err := begin(data.ImportBatch{
		Kind:       p.schema.kind,
		Source:     p.source(opt),
		FileName:   p.base,
		ImportedAt: clock().UTC(),
	})
	if err != nil {
		return res, wrap(err)
	}
	defer func() {
		if !res.Committed {
			if rerr := imp.Rollback(); rerr != nil && err == nil {
				err = wrap(rerr)
			}
			res.Imported, res.Duplicates = 0, 0
		}
	}()

	src, err := p.openRows()
	if err != nil {
		return res, wrap(err)
	}
	defer src.close()

	// Parsing runs in its own goroutine, ahead of the store's inserts, so
	// that the two overlap on a multi-core machine.
	ch := make(chan rowBatch[T], 4)
	stop := make(chan struct{})
	var prodErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ch)
		prodErr = produceRows(ctx, src, rp, opt.Strict, ch, stop)
	}()
	// Registered last, so it runs first: the producer is stopped before
	// the rejects file is closed and the transaction rolled back.
	defer func() {
		close(stop)
		for range ch {
		}
		wg.Wait()
		res.Rejected, res.Rejects, res.Skipped = b.rejects, rejects, b.skipped
	}()

	lastRows, lastTime := 0, time.Now()
	for bt := range ch {
		for i, item := range bt.items {
			inserted, err := imp.Add(item)
			if err != nil {
				return res, wrap(fmt.Errorf("row %d: %w", bt.rowNums[i], err))
			}
			if inserted {
				res.Imported++
			} else {
				res.Duplicates++
			}
		}
		if progress != nil && (bt.read-lastRows >= progressRows || time.Since(lastTime) >= progressEvery) {
			progress(Progress{Rows: bt.read, Bytes: bt.bytes, TotalBytes: p.size})
			lastRows, lastTime = bt.read, time.Now()
		}
	}
	wg.Wait()
	res.Rejected, res.Rejects, res.Skipped = b.rejects, rejects, b.skipped
	b.moreTests()
	b.warnCut()
	res.Warnings = append(res.Warnings, b.summaries...)
	if prodErr != nil {
		return res, wrap(prodErr)
	}
	if progress != nil {
		progress(Progress{Rows: b.read, Bytes: src.bytesRead(), TotalBytes: p.size})
	}
	if opt.Strict && res.Rejected > 0 {
		return res, wrap(fmt.Errorf("%w (%d invalid rows)", ErrStrict, res.Rejected))
	}
	if err := ctx.Err(); err != nil {
		return res, wrap(err)
	}
	if s, ok := imp.(interface{ SetRejected(int) }); ok {
		s.SetRejected(res.Rejected)
	}
	batch, err := imp.Commit()
	if err != nil {
		return res, wrap(err)
	}
	res.Committed = true
	batch.Rejected = res.Rejected
	res.Batch = batch
	return res, nil
}

// validationMessage turns a data validation error into a reject reason.
func validationMessage(e *data.FieldError) Message {
	switch e.Key {
	case "error.date_range":
		return reasonDateRange.msg()
	case "error.score_range":
		return reasonScoreRange.msg()
	case "error.channel":
		return reasonChannel.msg()
	case "error.too_long":
		max := data.MaxShortText
		if e.Field == "comment" || e.Field == "description" {
			max = data.MaxCommentLen
		}
		return reasonTooLong.msg(max)
	}
	return reasonInvalid.msg(e.Message)
}

// forEachRecord reads the data rows of src to the end: a malformed row is
// rejected and a blank one skipped; every other is counted and handed to
// fn with its row number, until fn returns false. Short rows after the
// last data row are a report's footer (Salesforce's "Grand Totals (123
// records)", "Copyright (c) ...", "Generated By: ..."): they are skipped
// with a warning, while a short row with data after it is handed to fn
// (and rejected there). ctx is checked, and tick (when not nil) called,
// every 64 rows.
func forEachRecord(ctx context.Context, src recordSource, b *rowBase, tick func(), fn func(rec []string, row int) bool) error {
	var footer footerRows
	dataSeen := false
	for {
		if b.read&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if tick != nil {
				tick()
			}
		}
		rec, row, err := src.next()
		if err == io.EOF {
			if msg, ok := footer.warning(); ok {
				b.summaries = append(b.summaries, msg)
			}
			return nil
		}
		if err == nil && isBlank(rec) {
			continue
		}
		if err == nil && dataSeen && b.footerLike(rec) && footer.holds(rec, row) {
			continue
		}
		// Rows held as a footer were data after all.
		for _, h := range footer.release() {
			b.read++
			if !fn(h.rec, h.row) {
				return nil
			}
		}
		var re *rowError
		if errors.As(err, &re) {
			b.read++
			b.rejected(row, "", "", re.msg)
			continue
		}
		if err != nil {
			return err
		}
		b.read++
		dataSeen = true
		if !fn(rec, row) {
			return nil
		}
	}
}

// maxFooterRows is how many short rows in a row may be a footer: more
// are a file whose rows are short, reported as such.
const maxFooterRows = 20

// footerRows holds the short rows read since the last data row.
type footerRows struct {
	rows []heldRow
}

type heldRow struct {
	rec []string
	row int
}

// footerLike reports whether rec may be a line of a report's footer:
// fewer than half the header's cells (XLSX drops only trailing empty
// cells) and no date where the rows have theirs. A total row ("Итого")
// is not: usable skips it with its own warning.
func (b *rowBase) footerLike(rec []string) bool {
	if len(rec)*2 >= len(b.p.cols) || isSummaryRow(rec) {
		return false
	}
	raw, mapped := b.cell(rec, b.p.schema.dates[0])
	if !mapped {
		return true
	}
	_, why := b.dates.parse(strings.TrimSpace(raw))
	return why != ""
}

// holds keeps rec unless maxFooterRows are held already.
func (f *footerRows) holds(rec []string, row int) bool {
	if len(f.rows) >= maxFooterRows {
		return false
	}
	f.rows = append(f.rows, heldRow{rec: append([]string(nil), rec...), row: row})
	return true
}

// release hands back the rows held and forgets them.
func (f *footerRows) release() []heldRow {
	rows := f.rows
	f.rows = nil
	return rows
}

// warning names the footer lines skipped at the end of the file.
func (f *footerRows) warning() (Message, bool) {
	if len(f.rows) == 0 {
		return Message{}, false
	}
	lines := make([]string, len(f.rows))
	for i, h := range f.rows {
		lines[i] = strings.Join(strings.Fields(strings.Join(h.rec, " ")), " ")
	}
	text := strings.Join(lines, " / ")
	return warning(warnFooterSkipped, map[string]any{"Row": f.rows[0].row, "Text": text},
		"the lines from row %d after the table were skipped as a report footer: %q", f.rows[0].row, text), true
}

// anonymousNames are what a form writes in place of the respondent when it
// records no one: Microsoft Forms' "anonymous" in its Email column, other
// tools' "Anonymous user", «Аноним», Qualtrics' legacy "Name" in a German
// account "Anonym". They name no client.
var anonymousNames = []string{"anonymous", "anonymous user", "anon", "anonym", "аноним", "анонимно", "анонимный", "анонимный пользователь"}

func anonymousName(s string) bool {
	return slices.Contains(anonymousNames, strings.ToLower(strings.TrimSpace(s)))
}
