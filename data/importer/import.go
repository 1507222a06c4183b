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
	"strconv"
	"strings"
	"sync"
	"time"

	"caredesk/data"
)

// Progress is reported at most every progressRows rows or progressEvery.
const (
	progressRows  = 10000
	progressEvery = 100 * time.Millisecond
)

// rowBuilder turns records into feedback.
type rowBuilder struct {
	p        *plan
	opt      Options
	dates    dateReader
	col      map[Field]int
	names    []string
	hash     hash.Hash
	buf      []byte
	repeats  map[uint64]uint32 // content hash -> times seen in this file
	channels map[string]data.Channel
	rejected func(row int, column, value string, why Message)
	rejects  int // rows rejected so far
	read     int // data rows read so far
	// summaries are the total rows skipped, as warnings.
	summaries []Message
}

func newRowBuilder(p *plan, opt Options) *rowBuilder {
	return &rowBuilder{
		p:        p,
		opt:      opt,
		dates:    dateReader{order: p.order, loc: p.dateLoc, excel: p.xlsx},
		col:      p.mapping,
		names:    p.columnNames(),
		hash:     sha1.New(),
		repeats:  map[uint64]uint32{},
		channels: map[string]data.Channel{},
	}
}

func (b *rowBuilder) cell(rec []string, f Field) (string, bool) {
	i, ok := b.col[f]
	if !ok || i >= len(rec) {
		return "", ok
	}
	return rec[i], true
}

// build converts one record; ok=false when the row was rejected (the
// reject callback has been called).
func (b *rowBuilder) build(rec []string, row int) (*data.Feedback, bool) {
	want := len(b.p.cols)
	if len(rec) < want && !b.p.xlsx || len(rec) > want && !isBlank(rec[want:]) {
		b.rejected(row, "", strings.Join(rec, string(b.p.delim)), reasonFieldCount.msg(len(rec), want))
		return nil, false
	}
	fb := &data.Feedback{Score: data.NoScore}

	raw, mapped := b.cell(rec, FieldDate)
	raw = strings.TrimSpace(raw)
	if isSummaryRow(rec) {
		if _, why := b.dates.parse(raw); !mapped || why != "" {
			if len(b.summaries) < maxSummaryWarnings {
				text := strings.Join(strings.Fields(strings.Join(rec, " ")), " ")
				b.summaries = append(b.summaries, warning(warnSummarySkipped, map[string]any{"Row": row, "Text": text},
					"row %d looks like a total, not an answer, and was skipped: %q", row, text))
			}
			return nil, false
		}
	}
	switch {
	case mapped && !isMissing(raw):
		t, why := b.dates.parse(raw)
		if why != "" {
			b.rejected(row, b.names[b.col[FieldDate]], raw, why.msg())
			return nil, false
		}
		fb.RespondedAt = t
	case !b.opt.FileDate.IsZero():
		fb.RespondedAt = b.opt.FileDate
	default:
		b.rejected(row, b.colName(FieldDate), raw, reasonDateMissing.msg())
		return nil, false
	}

	raw, _ = b.cell(rec, FieldScore)
	s, why := parseScore(raw)
	if why != "" {
		b.rejected(row, b.names[b.col[FieldScore]], raw, why.msg())
		return nil, false
	}
	fb.Score = s

	if v, _ := b.cell(rec, FieldComment); v != "" {
		fb.Comment = cleanText(v)
	}
	if v, _ := b.cell(rec, FieldChannel); v != "" {
		fb.Channel = b.channel(v)
	}
	if v, _ := b.cell(rec, FieldTouchpoint); v != "" {
		fb.Touchpoint = cleanText(v)
	}
	if v, _ := b.cell(rec, FieldClient); v != "" {
		fb.ClientName = cleanText(v)
	}
	if v, _ := b.cell(rec, FieldSegment); v != "" {
		fb.Segment = cleanText(v)
	}
	if v, _ := b.cell(rec, FieldTags); v != "" {
		fb.Tags = data.ParseTags(cleanText(v))
	}

	if err := fb.Validate(); err != nil {
		var ve data.ValidationErrors
		if errors.As(err, &ve) && len(ve) > 0 {
			field := map[string]Field{"responded_at": FieldDate, "score": FieldScore, "comment": FieldComment,
				"channel": FieldChannel, "touchpoint": FieldTouchpoint, "tags": FieldTags}[ve[0].Field]
			v, _ := b.cell(rec, field)
			b.rejected(row, b.colName(field), v, validationMessage(ve[0]))
		} else {
			b.rejected(row, "", "", reasonInvalid.msg(err.Error()))
		}
		return nil, false
	}

	if v, _ := b.cell(rec, FieldExternalID); !isMissing(v) {
		fb.ExternalID = strings.TrimSpace(v)
	} else {
		fb.ExternalID = b.contentID(fb)
	}
	return fb, true
}

// channel maps channel text through a cache: exports repeat a handful of
// values a million times.
func (b *rowBuilder) channel(v string) data.Channel {
	if c, ok := b.channels[v]; ok {
		return c
	}
	c := data.ParseChannel(cleanText(v))
	if len(b.channels) < 1000 {
		b.channels[v] = c
	}
	return c
}

func (b *rowBuilder) colName(f Field) string {
	if i, ok := b.col[f]; ok {
		return b.names[i]
	}
	return string(f)
}

// contentID identifies a row without an id column by its content; the
// k-th repeat of identical content in the file gets "#k" so that genuine
// identical answers are not merged, while a re-import of the same file
// yields the same ids.
func (b *rowBuilder) contentID(fb *data.Feedback) string {
	buf := b.buf[:0]
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
	b.buf = buf
	b.hash.Reset()
	b.hash.Write(buf)
	var sum [sha1.Size]byte
	b.hash.Sum(sum[:0])
	key := binary.LittleEndian.Uint64(sum[:8])
	b.repeats[key]++
	id := hex.EncodeToString(sum[:])
	if k := b.repeats[key]; k > 1 {
		id += "#" + strconv.Itoa(int(k))
	}
	return id
}

// rowBatch is a run of parsed rows handed from the parser to the store.
type rowBatch struct {
	feedback []*data.Feedback
	rowNums  []int // spreadsheet row of each response
	read     int   // data rows read so far, for progress
	bytes    int64 // bytes read so far
}

const batchRows = 256

// produceRows reads, parses and validates rows and sends the valid ones in
// batches. In strict mode it stops sending after the first bad row but
// reads on to report every bad row.
func produceRows(ctx context.Context, src recordSource, b *rowBuilder, strict bool, ch chan<- rowBatch, stop <-chan struct{}) error {
	bt := rowBatch{}
	send := func() bool {
		bt.read, bt.bytes = b.read, src.bytesRead()
		select {
		case ch <- bt:
			bt = rowBatch{feedback: make([]*data.Feedback, 0, batchRows), rowNums: make([]int, 0, batchRows)}
			return true
		case <-stop:
		case <-ctx.Done():
		}
		return false
	}
	lastSent := 0
	for {
		if b.read&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, row, err := src.next()
		if err == io.EOF {
			break
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
		if isBlank(rec) {
			continue
		}
		b.read++
		fb, ok := b.build(rec, row)
		if ok && !(strict && b.rejects > 0) {
			bt.feedback = append(bt.feedback, fb)
			bt.rowNums = append(bt.rowNums, row)
		}
		if len(bt.feedback) == batchRows || b.read-lastSent >= 16*batchRows {
			if !send() {
				return ctx.Err()
			}
			lastSent = b.read
		}
	}
	if !send() {
		return ctx.Err()
	}
	return nil
}

// ImportFeedback imports a survey export into the store in one
// transaction. Valid rows are stored and bad rows reported (Strict: any
// bad row stores nothing). On any error or cancellation the store is left
// exactly as before. progress may be nil. When opt.Location is nil and the
// store knows the department's zone (data.SettingsStore), that zone is used.
func ImportFeedback(ctx context.Context, store data.FeedbackStore, path string, opt Options, progress func(Progress)) (res Result, err error) {
	if opt.Location == nil {
		// Without a zone from the caller, use the department's.
		if l, ok := store.(interface{ Location() *time.Location }); ok {
			opt.Location = l.Location()
		}
	}
	p, err := prepare(path, opt)
	if err != nil {
		return res, err
	}
	res.Warnings = p.warnings
	wrap := func(err error) error { return fmt.Errorf("%s: %w", p.base, err) }
	if _, ok := p.mapping[FieldScore]; !ok {
		return res, wrap(ErrNoScoreColumn)
	}
	if dc, ok := p.mapping[FieldDate]; !ok && opt.FileDate.IsZero() {
		return res, wrap(ErrNeedFileDate)
	} else if ok && !p.orderOK {
		return res, wrap(fmt.Errorf("column %q: %w", p.columnNames()[dc], ErrAmbiguousDates))
	}

	rw := newRejectWriter(p, opt)
	defer func() {
		if cerr := rw.close(); cerr != nil && err == nil {
			res.Warnings = append(res.Warnings, warning(warnRejectsFile, map[string]any{"Path": rw.path, "Error": cerr.Error()},
				"rejects file %s: %v", rw.path, cerr))
		}
		res.RejectsFile = rw.path
		if !rw.created {
			res.RejectsFile = ""
		}
	}()
	b := newRowBuilder(p, opt)
	// Only the parsing goroutine touches rejects; they move into res once
	// it has finished.
	var rejects []Reject
	b.rejected = func(row int, column, value string, why Message) {
		b.rejects++
		r := Reject{File: p.base, Row: row, Column: column, Value: value, Reason: why.Text, Code: why.Code, Args: why.Args}
		if len(rejects) < MaxRejects {
			rejects = append(rejects, r)
		}
		rw.write(r)
	}

	imp, err := store.BeginFeedbackImport(ctx, data.ImportBatch{
		Kind:       "feedback",
		Source:     p.source(opt),
		FileName:   p.base,
		ImportedAt: time.Now().UTC(),
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

	src, err := p.open()
	if err != nil {
		return res, wrap(err)
	}
	defer src.close()
	if _, err := skipHeader(src, p.skip, p.headerRows); err != nil {
		return res, wrap(err)
	}

	// Parsing runs in its own goroutine, ahead of the store's inserts, so
	// that the two overlap on a multi-core machine.
	ch := make(chan rowBatch, 4)
	stop := make(chan struct{})
	var prodErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ch)
		prodErr = produceRows(ctx, src, b, opt.Strict, ch, stop)
	}()
	// Registered last, so it runs first: the producer is stopped before
	// the rejects file is closed and the transaction rolled back.
	defer func() {
		close(stop)
		for range ch {
		}
		wg.Wait()
		res.Rejected, res.Rejects = b.rejects, rejects
	}()

	lastRows, lastTime := 0, time.Now()
	for bt := range ch {
		for i, fb := range bt.feedback {
			inserted, err := imp.Add(fb)
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
	res.Rejected, res.Rejects = b.rejects, rejects
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
		if e.Field == "comment" {
			max = data.MaxCommentLen
		}
		return reasonTooLong.msg(max)
	}
	return reasonInvalid.msg(e.Message)
}
