package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"caredesk/data"
)

// SourceManual is the source of responses typed in by hand.
const SourceManual = "manual"

const feedbackColumns = `f.id, f.responded_at, f.score, f.comment, f.channel, f.touchpoint,
	f.client_id, c.name, c.segment, f.batch_id, f.source, f.external_id`

const feedbackFrom = ` FROM feedback f LEFT JOIN client c ON c.id = f.client_id`

// Feedback returns one response with its client and tags.
func (db *DB) Feedback(ctx context.Context, id int64) (data.Feedback, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return data.Feedback{}, fmt.Errorf("read feedback %d: %w", id, err)
	}
	defer tx.Rollback()
	rows, err := queryFeedback(ctx, tx, `SELECT `+feedbackColumns+feedbackFrom+` WHERE f.id = ?`, id)
	if err != nil {
		return data.Feedback{}, fmt.Errorf("read feedback %d: %w", id, err)
	}
	if len(rows) == 0 {
		return data.Feedback{}, fmt.Errorf("read feedback %d: %w", id, data.ErrNotFound)
	}
	if err := loadTags(ctx, tx, rows); err != nil {
		return data.Feedback{}, fmt.Errorf("read feedback %d: %w", id, err)
	}
	return rows[0], tx.Commit()
}

// CreateFeedback stores a new response and sets its ID. Without a source it
// is a manual entry (source "manual" and a generated external id). A
// ClientName without ClientID finds or creates that client.
func (db *DB) CreateFeedback(ctx context.Context, f *data.Feedback) error {
	if err := f.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create feedback: %w", err)
	}
	defer tx.Rollback()
	deltas := rollupDeltas{}
	if err := createFeedback(ctx, tx, f, db.Location(), deltas); err != nil {
		return fmt.Errorf("create feedback: %w", err)
	}
	if err := applyRollup(ctx, tx, deltas); err != nil {
		return fmt.Errorf("create feedback: %w", err)
	}
	return tx.Commit()
}

func createFeedback(ctx context.Context, tx *sql.Tx, f *data.Feedback, loc *time.Location, deltas rollupDeltas) error {
	if f.Source == "" {
		f.Source = SourceManual
	}
	if f.ExternalID == "" {
		f.ExternalID = newExternalID()
	}
	if err := resolveClient(ctx, tx, f); err != nil {
		return err
	}
	f.Tags = normalizeTags(f.Tags)
	day := data.DayOf(f.RespondedAt, loc)
	res, err := tx.ExecContext(ctx, `INSERT INTO feedback
		(responded_at, day, score, comment, channel, touchpoint, client_id, batch_id, source, external_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.RespondedAt.Unix(), int64(day), scoreArg(f.Score), f.Comment, string(f.Channel), f.Touchpoint,
		nullID(f.ClientID), nullID(f.BatchID), f.Source, f.ExternalID)
	if err != nil {
		return mapErr(err)
	}
	if f.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := insertTags(ctx, tx, f.ID, f.Tags); err != nil {
		return err
	}
	deltas.add(rollupKey{day, string(f.Channel), f.Touchpoint}, f.Score, 1)
	return nil
}

// UpdateFeedback replaces the editable fields of a stored response (date,
// score, comment, channel, touchpoint, client, tags); its source, external
// id and batch stay.
func (db *DB) UpdateFeedback(ctx context.Context, f *data.Feedback) error {
	if err := f.Validate(); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update feedback %d: %w", f.ID, err)
	}
	defer tx.Rollback()
	if err := updateFeedback(ctx, tx, f, db.Location()); err != nil {
		return fmt.Errorf("update feedback %d: %w", f.ID, err)
	}
	return tx.Commit()
}

func updateFeedback(ctx context.Context, tx *sql.Tx, f *data.Feedback, loc *time.Location) error {
	old, oldScore, err := feedbackKey(ctx, tx, f.ID)
	if err != nil {
		return err
	}
	if err := resolveClient(ctx, tx, f); err != nil {
		return err
	}
	f.Tags = normalizeTags(f.Tags)
	day := data.DayOf(f.RespondedAt, loc)
	_, err = tx.ExecContext(ctx, `UPDATE feedback SET responded_at = ?, day = ?, score = ?, comment = ?,
		channel = ?, touchpoint = ?, client_id = ? WHERE id = ?`,
		f.RespondedAt.Unix(), int64(day), scoreArg(f.Score), f.Comment, string(f.Channel), f.Touchpoint,
		nullID(f.ClientID), f.ID)
	if err != nil {
		return mapErr(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feedback_tag WHERE feedback_id = ?`, f.ID); err != nil {
		return err
	}
	if err := insertTags(ctx, tx, f.ID, f.Tags); err != nil {
		return err
	}
	deltas := rollupDeltas{}
	deltas.add(old, oldScore, -1)
	deltas.add(rollupKey{day, string(f.Channel), f.Touchpoint}, f.Score, 1)
	return applyRollup(ctx, tx, deltas)
}

// DeleteFeedback removes a response and its tags.
func (db *DB) DeleteFeedback(ctx context.Context, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete feedback %d: %w", id, err)
	}
	defer tx.Rollback()
	if err := deleteFeedback(ctx, tx, id); err != nil {
		return fmt.Errorf("delete feedback %d: %w", id, err)
	}
	return tx.Commit()
}

func deleteFeedback(ctx context.Context, tx *sql.Tx, id int64) error {
	old, oldScore, err := feedbackKey(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feedback WHERE id = ?`, id); err != nil {
		return err
	}
	deltas := rollupDeltas{}
	deltas.add(old, oldScore, -1)
	return applyRollup(ctx, tx, deltas)
}

// feedbackKey reads what the rollup of a stored row depends on.
func feedbackKey(ctx context.Context, tx *sql.Tx, id int64) (rollupKey, data.Score, error) {
	var k rollupKey
	var score sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT day, channel, touchpoint, score FROM feedback WHERE id = ?`, id).
		Scan(&k.day, &k.channel, &k.touchpoint, &score)
	if err != nil {
		return k, 0, mapErr(err)
	}
	return k, scoreOf(score), nil
}

// resolveClient links f to the client named by f.ClientName when no
// ClientID is given.
func resolveClient(ctx context.Context, tx *sql.Tx, f *data.Feedback) error {
	if f.ClientID != 0 || strings.TrimSpace(f.ClientName) == "" {
		return nil
	}
	id, _, err := newImportClients("segment").find(ctx, tx, f.ClientName, f.Segment)
	if err != nil {
		return fmt.Errorf("client %q: %w", f.ClientName, err)
	}
	f.ClientID = id
	return nil
}

func insertTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_tag (feedback_id, tag) VALUES (?, ?)`, id, t); err != nil {
			return fmt.Errorf("tag %q: %w", t, err)
		}
	}
	return nil
}

// normalizeTags trims tags and drops empty and repeated ones.
func normalizeTags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// newExternalID makes a unique id for a response that has none in its
// source.
func newExternalID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

func scoreArg(s data.Score) any {
	if !s.Valid() {
		return nil
	}
	return int64(s)
}

func scoreOf(v sql.NullInt64) data.Score {
	if !v.Valid {
		return data.NoScore
	}
	return data.Score(v.Int64)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// queryFeedback runs a query selecting feedbackColumns.
func queryFeedback(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]data.Feedback, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Feedback
	for rows.Next() {
		var (
			f                     data.Feedback
			at                    int64
			score, client, batch  sql.NullInt64
			clientName, clientSeg sql.NullString
			channel               string
		)
		if err := rows.Scan(&f.ID, &at, &score, &f.Comment, &channel, &f.Touchpoint,
			&client, &clientName, &clientSeg, &batch, &f.Source, &f.ExternalID); err != nil {
			return nil, err
		}
		f.RespondedAt = unixTime(at)
		f.Score = scoreOf(score)
		f.Channel = data.Channel(channel)
		f.ClientID, f.ClientName, f.Segment = client.Int64, clientName.String, clientSeg.String
		f.BatchID = batch.Int64
		out = append(out, f)
	}
	return out, rows.Err()
}

// loadTags fills the tags of rows with one query per 500 rows.
func loadTags(ctx context.Context, tx *sql.Tx, rows []data.Feedback) error {
	const chunk = 500
	index := make(map[int64]int, len(rows))
	for i := range rows {
		index[rows[i].ID] = i
	}
	for start := 0; start < len(rows); start += chunk {
		part := rows[start:min(start+chunk, len(rows))]
		args := make([]any, len(part))
		for i := range part {
			args[i] = part[i].ID
		}
		tags, err := tx.QueryContext(ctx, `SELECT feedback_id, tag FROM feedback_tag
			WHERE feedback_id IN (`+placeholders(len(part))+`) ORDER BY feedback_id, tag`, args...)
		if err != nil {
			return fmt.Errorf("read tags: %w", err)
		}
		for tags.Next() {
			var id int64
			var tag string
			if err := tags.Scan(&id, &tag); err != nil {
				tags.Close()
				return fmt.Errorf("read tags: %w", err)
			}
			r := &rows[index[id]]
			r.Tags = append(r.Tags, tag)
		}
		err = tags.Err()
		tags.Close()
		if err != nil {
			return fmt.Errorf("read tags: %w", err)
		}
	}
	return nil
}

// ListFeedback returns one page of the responses matching f, sorted as f
// asks, with client and tags filled. Page.Limit <= 0 returns every row from
// the offset on.
func (db *DB) ListFeedback(ctx context.Context, f data.FeedbackFilter, p data.Page) ([]data.Feedback, error) {
	if p.Offset < 0 {
		return nil, fmt.Errorf("list feedback: negative offset: %w", data.ErrInvalid)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	defer tx.Rollback()
	var rows []data.Feedback
	switch {
	case !usesRollup(f):
		rows, err = listByOffset(ctx, tx, f, p)
	case f.Sort == "" || f.Sort == data.SortByDate:
		rows, err = listByDay(ctx, tx, f, p)
	default:
		rows, err = listByKey(ctx, tx, f, p)
	}
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	if err := loadTags(ctx, tx, rows); err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	return rows, tx.Commit()
}

func limitArg(p data.Page) int64 {
	if p.Limit <= 0 {
		return -1 // SQLite: no limit
	}
	return int64(p.Limit)
}

// listByOffset is the general path: ORDER BY with LIMIT and OFFSET.
func listByOffset(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter, p data.Page) ([]data.Feedback, error) {
	order, err := orderBy(f.Sort, f.Desc)
	if err != nil {
		return nil, err
	}
	w, err := feedbackWhere(f, false)
	if err != nil {
		return nil, err
	}
	args := append(w.args, limitArg(p), int64(p.Offset))
	return queryFeedback(ctx, tx, `SELECT `+feedbackColumns+feedbackFrom+w.String()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, args...)
}

// listByDay pages the date-sorted list without skipping over all earlier
// rows: the rollup's per-day counts tell on which day the offset lands and
// how many rows of that day come before it, so SQLite only steps over rows
// of a single day.
func listByDay(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter, p data.Page) ([]data.Feedback, error) {
	count, err := groupCount(f.Group)
	if err != nil {
		return nil, err
	}
	dir, cmp := "ASC", ">="
	if f.Desc {
		dir, cmp = "DESC", "<="
	}
	rw := rollupWhere(f.From, f.To, f.Channels, f.Touchpoint)
	days, err := tx.QueryContext(ctx, `SELECT day, sum(`+count+`) FROM `+dailyTable(f.Channels, f.Touchpoint)+rw.String()+
		` GROUP BY day ORDER BY day `+dir, rw.args...)
	if err != nil {
		return nil, err
	}
	var (
		before int64 // rows on days before the current one
		start  data.Day
		found  bool
	)
	for days.Next() {
		var day data.Day
		var n int64
		if err := days.Scan(&day, &n); err != nil {
			days.Close()
			return nil, err
		}
		if int64(p.Offset) < before+n {
			start, found = day, true
			break
		}
		before += n
	}
	err = days.Err()
	days.Close()
	if err != nil || !found {
		return nil, err
	}
	w, err := feedbackWhere(f, true)
	if err != nil {
		return nil, err
	}
	w.add("f.day "+cmp+" ?", int64(start))
	order, _ := orderBy(data.SortByDate, f.Desc)
	args := append(w.args, limitArg(p), int64(p.Offset)-before)
	return queryFeedback(ctx, tx, `SELECT `+feedbackColumns+feedbackFrom+w.String()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, args...)
}

// CountFeedback counts the responses matching f (sort and page ignored).
// Filters on day, channel, touchpoint and score group are answered from
// the daily rollup.
func (db *DB) CountFeedback(ctx context.Context, f data.FeedbackFilter) (int, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return 0, fmt.Errorf("count feedback: %w", err)
	}
	defer tx.Rollback()
	n, err := countFeedback(ctx, tx, f)
	if err != nil {
		return 0, fmt.Errorf("count feedback: %w", err)
	}
	return n, tx.Commit()
}

func countFeedback(ctx context.Context, tx *sql.Tx, f data.FeedbackFilter) (int, error) {
	var n int64
	if usesRollup(f) {
		count, err := groupCount(f.Group)
		if err != nil {
			return 0, err
		}
		w := rollupWhere(f.From, f.To, f.Channels, f.Touchpoint)
		err = tx.QueryRowContext(ctx, `SELECT coalesce(sum(`+count+`), 0) FROM `+dailyTable(f.Channels, f.Touchpoint)+w.String(), w.args...).Scan(&n)
		return int(n), err
	}
	w, err := feedbackWhere(f, false)
	if err != nil {
		return 0, err
	}
	from := ` FROM feedback f`
	if strings.TrimSpace(f.Search) != "" {
		from = feedbackFrom
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*)`+from+w.String(), w.args...).Scan(&n)
	return int(n), err
}

// FeedbackDaily returns score counts per day, split by q.By, sorted by day
// and segment. Unsplit, channel and touchpoint queries read the rollup;
// tag and client-segment queries count the rows. Responses without a client
// count under the segment "".
func (db *DB) FeedbackDaily(ctx context.Context, q data.DailyQuery) ([]data.DayScores, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("daily feedback: %w", err)
	}
	defer tx.Rollback()
	out, err := feedbackDaily(ctx, tx, q)
	if err != nil {
		return nil, fmt.Errorf("daily feedback by %q: %w", q.By, err)
	}
	return out, tx.Commit()
}

func feedbackDaily(ctx context.Context, tx *sql.Tx, q data.DailyQuery) ([]data.DayScores, error) {
	var query string
	var w *where
	switch q.By {
	case data.SegmentNone, data.SegmentChannel, data.SegmentTouchpoint:
		segment, table := "''", dailyTable(q.Channels, q.Touchpoint)
		if q.By != data.SegmentNone {
			segment, table = string(q.By), "feedback_daily" // the column of the same name
		}
		w = rollupWhere(q.From, q.To, q.Channels, q.Touchpoint)
		query = `SELECT day, ` + segment + `, sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5),
			sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(unscored)
			FROM ` + table + w.String() + ` GROUP BY 1, 2 ORDER BY 1, 2`
	case data.SegmentTag:
		w = &where{}
		w.addDays("f.day", q.From, q.To)
		w.addChannels("f.", q.Channels, q.Touchpoint)
		query = `SELECT f.day, t.tag, ` + scoreCountColumns + `
			FROM feedback f JOIN feedback_tag t ON t.feedback_id = f.id` + w.String() + `
			GROUP BY 1, 2 ORDER BY 1, 2`
	case data.SegmentClientSegment:
		w = &where{}
		w.addDays("f.day", q.From, q.To)
		w.addChannels("f.", q.Channels, q.Touchpoint)
		query = `SELECT f.day, coalesce(c.segment, ''), ` + scoreCountColumns +
			feedbackFrom + w.String() + ` GROUP BY 1, 2 ORDER BY 1, 2`
	default:
		return nil, fmt.Errorf("unknown segmentation: %w", data.ErrInvalid)
	}
	return scanList(ctx, tx, query, w.args, func(d *data.DayScores) []any {
		s := &d.Scores
		return []any{&d.Day, &d.Segment, &s[0], &s[1], &s[2], &s[3], &s[4], &s[5], &s[6], &s[7], &s[8], &s[9], &s[10], &d.Unscored}
	})
}

// FeedbackRange returns the first and last day with responses.
func (db *DB) FeedbackRange(ctx context.Context) (first, last data.Day, ok bool, err error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return 0, 0, false, fmt.Errorf("feedback range: %w", err)
	}
	defer tx.Rollback()
	var lo, hi sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(day), max(day) FROM feedback_day_total`).Scan(&lo, &hi); err != nil {
		return 0, 0, false, fmt.Errorf("feedback range: %w", err)
	}
	return data.Day(lo.Int64), data.Day(hi.Int64), lo.Valid, tx.Commit()
}

// Touchpoints returns the distinct non-empty touchpoints, sorted.
func (db *DB) Touchpoints(ctx context.Context) ([]string, error) {
	return db.distinct(ctx, "touchpoints", `SELECT DISTINCT touchpoint FROM feedback_daily WHERE touchpoint <> '' ORDER BY 1`)
}

// Tags returns the distinct tags, sorted.
func (db *DB) Tags(ctx context.Context) ([]string, error) {
	return db.distinct(ctx, "tags", `SELECT DISTINCT tag FROM feedback_tag ORDER BY 1`)
}

func (db *DB) distinct(ctx context.Context, what, query string) ([]string, error) {
	return readList(ctx, db, "list "+what, query, nil, func(s *string) []any { return []any{s} })
}
