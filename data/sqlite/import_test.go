package sqlite

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

func TestImportDuplicatesAddNothing(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	rows := makeRows(500, 2)
	first := mustImport(t, db, "survey-tool", rows)
	if first.ID == 0 || first.Imported != 500 || first.Duplicates != 0 || first.Kind != "feedback" {
		t.Fatalf("first import: %+v", first)
	}
	before := dumpQuery(t, db, `SELECT * FROM feedback ORDER BY id`) + dumpQuery(t, db, `SELECT * FROM feedback_daily ORDER BY 1, 2, 3`) +
		dumpQuery(t, db, `SELECT * FROM client ORDER BY id`) + dumpQuery(t, db, `SELECT * FROM feedback_tag ORDER BY 1, 2`)

	second := mustImport(t, db, "survey-tool", rows)
	if second.Imported != 0 || second.Duplicates != 500 {
		t.Fatalf("re-import: %+v, want 0 imported and 500 duplicates", second)
	}
	after := dumpQuery(t, db, `SELECT * FROM feedback ORDER BY id`) + dumpQuery(t, db, `SELECT * FROM feedback_daily ORDER BY 1, 2, 3`) +
		dumpQuery(t, db, `SELECT * FROM client ORDER BY id`) + dumpQuery(t, db, `SELECT * FROM feedback_tag ORDER BY 1, 2`)
	if before != after {
		t.Fatal("re-importing the same file changed the data")
	}
	// The same external ids from another source are different responses.
	third := mustImport(t, db, "other-tool", rows[:10])
	if third.Imported != 10 {
		t.Fatalf("other source: %+v", third)
	}
	checkRollup(t, db)

	batches, err := db.ImportBatches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 3 || batches[0].ID != third.ID || batches[2].ID != first.ID || batches[1] != second {
		t.Fatalf("ImportBatches = %+v", batches)
	}
	var linked int
	db.read.QueryRow(`SELECT count(*) FROM feedback WHERE batch_id = ?`, first.ID).Scan(&linked)
	if linked != 500 {
		t.Errorf("%d rows linked to the first batch, want 500", linked)
	}
	// A file overlapping an earlier one adds only the new rows, and the ids
	// handed back by Add are those of the stored rows.
	more := makeRows(800, 2)
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "survey-tool"})
	if err != nil {
		t.Fatal(err)
	}
	added := map[int64]string{}
	for i := 250; i < 800; i++ {
		f := more[i]
		ok, err := imp.Add(&f)
		if err != nil {
			t.Fatal(err)
		}
		if ok != (i >= 500) {
			t.Fatalf("row %d (%s): inserted = %v", i, f.ExternalID, ok)
		}
		if ok {
			added[f.ID] = f.ExternalID
		}
	}
	overlap, err := imp.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if overlap.Imported != 300 || overlap.Duplicates != 250 {
		t.Fatalf("overlapping import: %+v", overlap)
	}
	for id, ext := range added {
		f, err := db.Feedback(ctx, id)
		if err != nil || f.ExternalID != ext || f.BatchID != overlap.ID {
			t.Fatalf("row %d: %+v, %v; want external id %s", id, f, err, ext)
		}
	}
	checkRollup(t, db)
	clients, _ := db.Clients(ctx)
	for _, c := range clients {
		if c.Segment == "" {
			t.Fatalf("imported client without its segment: %+v", c)
		}
	}
}

func TestImportCountsRejectedAndKeepsGoing(t *testing.T) {
	db := openTest(t)
	imp, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{Source: "x", Rejected: 2})
	if err != nil {
		t.Fatal(err)
	}
	good := data.Feedback{RespondedAt: at(2024, 2, 1, 10, 0), Score: 9, ExternalID: "1"}
	bad := data.Feedback{RespondedAt: at(2024, 2, 1, 10, 0), Score: 12, ExternalID: "2"}
	if ok, err := imp.Add(&good); !ok || err != nil {
		t.Fatalf("good row: %v %v", ok, err)
	}
	if ok, err := imp.Add(&bad); ok || !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("bad row: %v %v", ok, err)
	}
	again := good
	if ok, err := imp.Add(&again); ok || err != nil {
		t.Fatalf("duplicate within the file: %v %v", ok, err)
	}
	b, err := imp.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if b.Imported != 1 || b.Duplicates != 1 || b.Rejected != 3 {
		t.Fatalf("batch counts %+v, want 1 imported, 1 duplicate, 3 rejected (2 by the reader + 1)", b)
	}
	if _, err := imp.Add(&good); !errors.Is(err, errImportDone) {
		t.Errorf("Add after Commit: %v", err)
	}
	if err := imp.Rollback(); err != nil {
		t.Errorf("Rollback after Commit: %v", err)
	}
	if _, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{}); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("import without a source: %v", err)
	}
}

func TestImportRollbackLeavesNothing(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "crm", makeRows(200, 3))
	before := dumpAll(t, db)

	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "crm-2"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range makeRows(300, 4) {
		f.ClientName = "Новый клиент " + f.ExternalID // new clients must vanish too
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
	if after := dumpAll(t, db); after != before {
		t.Fatal("rollback left changes behind")
	}
	// The write connection is free again.
	mustImport(t, db, "crm-3", makeRows(5, 5))
}

func TestImportCancelLeavesNothing(t *testing.T) {
	db := openTest(t)
	mustImport(t, db, "crm", makeRows(100, 6))
	before := dumpAll(t, db)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "big-file"})
	if err != nil {
		t.Fatal(err)
	}
	rows := makeRows(1000, 7)
	var addErr error
	for i := range rows {
		if i == 600 {
			cancel()
		}
		if _, addErr = imp.Add(&rows[i]); addErr != nil {
			break
		}
	}
	if !errors.Is(addErr, context.Canceled) {
		t.Fatalf("Add after cancel: %v, want context.Canceled", addErr)
	}
	if _, err := imp.Commit(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Commit after cancel: %v", err)
	}
	if err := imp.Rollback(); err != nil {
		t.Fatalf("Rollback after cancel: %v", err)
	}
	if after := dumpAll(t, db); after != before {
		t.Fatal("cancelled import left changes behind")
	}
	mustImport(t, db, "crm-2", makeRows(5, 8))
}

func TestImportCancelBeforeCommit(t *testing.T) {
	db := openTest(t)
	before := dumpAll(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "f"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range makeRows(50, 9) {
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	if _, err := imp.Commit(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Commit with a cancelled context: %v", err)
	}
	if dumpAll(t, db) != before {
		t.Fatal("cancelled commit stored rows")
	}
}

func TestReadsDoNotWaitForImport(t *testing.T) {
	db := openTest(t)
	mustImport(t, db, "old", makeRows(100, 10))
	imp, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{Source: "new"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	for _, f := range makeRows(500, 11) {
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	// The import holds the write lock; reads must answer right away from
	// the last committed state.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := db.CountFeedback(ctx, data.FeedbackFilter{Search: "a"})
	if err != nil {
		t.Fatalf("count during import: %v", err)
	}
	total, err := db.CountFeedback(ctx, data.FeedbackFilter{})
	if err != nil || total != 100 || n > 100 {
		t.Fatalf("count during import = %d (search %d), %v; want the 100 committed rows", total, n, err)
	}
	if rows, err := db.ListFeedback(ctx, data.FeedbackFilter{}, data.Page{Limit: 1000}); err != nil || len(rows) != 100 {
		t.Fatalf("list during import: %d rows, %v", len(rows), err)
	}
	// A write waits for the import; with a short deadline it gives up.
	short, cancelShort := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelShort()
	f := data.Feedback{RespondedAt: at(2024, 1, 1, 0, 0), Score: 1}
	if err := db.CreateFeedback(short, &f); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("write during import: %v, want deadline exceeded", err)
	}
}

// TestRollupMatchesRecount runs a random mix of creates, updates, deletes
// and imports (some rolled back) and checks after each step that the daily
// counts equal a recount of the rows.
func TestRollupMatchesRecount(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	r := rand.New(rand.NewPCG(42, 1))
	pool := makeRows(3000, 12)
	next := 0
	take := func() data.Feedback {
		f := pool[next%len(pool)]
		f.ExternalID = "p" + strconv.Itoa(next)
		next++
		return f
	}
	var live []int64
	for step := 0; step < 200; step++ {
		switch op := r.IntN(10); {
		case op < 3:
			f := take()
			f.Source = ""
			if err := db.CreateFeedback(ctx, &f); err != nil {
				t.Fatal(err)
			}
			live = append(live, f.ID)
		case op < 6 && len(live) > 0:
			id := live[r.IntN(len(live))]
			f, err := db.Feedback(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			g := take()
			f.RespondedAt, f.Score, f.Channel, f.Touchpoint, f.Tags = g.RespondedAt, g.Score, g.Channel, g.Touchpoint, g.Tags
			if r.IntN(2) == 0 {
				f.Score = data.NoScore
			}
			if err := db.UpdateFeedback(ctx, &f); err != nil {
				t.Fatal(err)
			}
		case op < 8 && len(live) > 0:
			i := r.IntN(len(live))
			if err := db.DeleteFeedback(ctx, live[i]); err != nil {
				t.Fatal(err)
			}
			live = append(live[:i], live[i+1:]...)
		default:
			imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "file" + strconv.Itoa(r.IntN(3))})
			if err != nil {
				t.Fatal(err)
			}
			var added []int64
			for n := r.IntN(40); n > 0; n-- {
				f := take()
				if r.IntN(4) == 0 { // re-send an earlier row: a duplicate
					f.ExternalID = "p" + strconv.Itoa(r.IntN(next))
				}
				ok, err := imp.Add(&f)
				if err != nil {
					t.Fatal(err)
				}
				if ok {
					added = append(added, f.ID)
				}
			}
			if r.IntN(4) == 0 {
				if err := imp.Rollback(); err != nil {
					t.Fatal(err)
				}
			} else {
				if _, err := imp.Commit(); err != nil {
					t.Fatal(err)
				}
				live = append(live, added...)
			}
		}
		checkRollup(t, db)
	}
	if n, _ := db.CountFeedback(ctx, data.FeedbackFilter{}); n != len(live) || n == 0 {
		t.Fatalf("CountFeedback = %d, want %d live rows", n, len(live))
	}
}

// TestImportRealNPSSurvey stores the responses of a real French NPS survey
// (see ../shared/data/SOURCES.md) and checks the stored score counts
// against the file.
func TestImportRealNPSSurvey(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "nps_botanic_fr_13954.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("real data file missing: %v (CI provides ../shared/data beside the checkout; see /work/shared/data/SOURCES.md)", err)
	}
	ctx := context.Background()
	db := openTest(t)
	surveyDay := at(2019, 6, 15, 12, 0) // the file has no dates: one survey date for all
	var want data.ScoreCounts
	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "botanic", FileName: filepath.Base(path)})
	if err != nil {
		t.Fatal(err)
	}
	rd := csv.NewReader(bytes.NewReader(raw))
	if _, err := rd.Read(); err != nil { // header
		t.Fatal(err)
	}
	rows := 0
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		f := data.Feedback{RespondedAt: surveyDay, Score: data.NoScore, ExternalID: rec[1], Channel: data.ChannelStore}
		if v, err := strconv.Atoi(rec[2]); err == nil {
			f.Score = data.Score(v)
		}
		if rec[5] != "NA" {
			f.Comment = latin1(rec[5]) // the file is not UTF-8; the importer owns real decoding
		}
		inserted, err := imp.Add(&f)
		if err != nil {
			t.Fatalf("row %d: %v", rows, err)
		}
		if inserted {
			want.AddScore(f.Score)
		}
	}
	b, err := imp.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if rows != 13954 || b.Imported+b.Duplicates != rows {
		t.Fatalf("read %d rows, stored %+v", rows, b)
	}
	daily, err := db.FeedbackDaily(ctx, data.DailyQuery{})
	if err != nil || len(daily) != 1 {
		t.Fatalf("daily = %+v, %v", daily, err)
	}
	var distinct int
	db.read.QueryRow(`SELECT count(DISTINCT external_id) FROM feedback`).Scan(&distinct)
	if daily[0].ScoreCounts != want || want.N() < 13000 {
		t.Fatalf("stored counts %+v, file counts %+v", daily[0].ScoreCounts, want)
	}
	if distinct != b.Imported {
		t.Fatalf("%d distinct ids, %d imported", distinct, b.Imported)
	}
	// Comments are searchable (accent-insensitive folding is not promised,
	// case-insensitive is).
	n, err := db.CountFeedback(ctx, data.FeedbackFilter{Search: "CAISSE"})
	if err != nil || n == 0 {
		t.Fatalf("search in real comments: %d, %v", n, err)
	}
	again := mustImportLatin1(t, db, raw)
	if again.Imported != 0 || again.Duplicates != b.Imported+b.Duplicates {
		t.Fatalf("re-import of the real file: %+v", again)
	}
}

func mustImportLatin1(t *testing.T, db *DB, raw []byte) data.ImportBatch {
	t.Helper()
	imp, err := db.BeginFeedbackImport(context.Background(), data.ImportBatch{Source: "botanic"})
	if err != nil {
		t.Fatal(err)
	}
	rd := csv.NewReader(bytes.NewReader(raw))
	rd.Read()
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		f := data.Feedback{RespondedAt: at(2019, 6, 15, 12, 0), Score: data.NoScore, ExternalID: rec[1]}
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	b, err := imp.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// latin1 reads bytes as ISO-8859-1, close enough for a test of storage.
func latin1(s string) string {
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = rune(s[i])
	}
	return string(rs)
}

// indexDDL lists the indexes of the database with their definitions.
func indexDDL(t *testing.T, db *DB) string {
	t.Helper()
	return dumpQuery(t, db, `SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name`)
}

// A bulk import drops the secondary indexes and builds them again at
// Commit; a rollback brings them back untouched, and either way the
// queries that need them still use them.
func TestBulkImportRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	want := indexDDL(t, db)
	rows := makeRows(int(bulkThreshold(0))+500, 11)
	for i := range rows {
		rows[i].Tags = []string{"bulk"}
	}

	imp, err := db.BeginFeedbackImport(ctx, data.ImportBatch{Source: "bulk"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		f := rows[i]
		if _, err := imp.Add(&f); err != nil {
			t.Fatal(err)
		}
	}
	if err := imp.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := indexDDL(t, db); got != want {
		t.Fatalf("indexes after rollback:\n%s\nwant:\n%s", got, want)
	}
	if n := countRows(t, db, "feedback"); n != 0 {
		t.Fatalf("rollback left %d rows", n)
	}

	mustImport(t, db, "bulk", rows)
	if got := indexDDL(t, db); got != want {
		t.Fatalf("indexes after a bulk import:\n%s\nwant:\n%s", got, want)
	}
	if n := countRows(t, db, "feedback_tag"); n != len(rows) {
		t.Fatalf("tags: %d, want %d", n, len(rows))
	}
	checkRollup(t, db)
	plan := dumpQuery(t, db, `EXPLAIN QUERY PLAN SELECT feedback_id FROM feedback_tag WHERE tag = ?`, "bulk")
	if !strings.Contains(plan, "feedback_tag_tag") {
		t.Errorf("tag lookups no longer use their index:\n%s", plan)
	}
}

// Taking an import back leaves the database as it was before it, rollups
// included; other imports are untouched.
func TestDeleteImportBatchTakesItBackWhole(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	mustImport(t, db, "crm", makeRows(300, 21))
	var before strings.Builder
	for _, table := range []string{"feedback", "feedback_tag", "feedback_daily", "feedback_day_total", "import_batch"} {
		before.WriteString(dumpQuery(t, db, `SELECT * FROM `+table+` ORDER BY 1, 2`))
	}
	second := makeRows(250, 22)
	for i := range second {
		second[i].Tags = []string{"wrong-date"}
		second[i].ClientName = ""
	}
	b := mustImport(t, db, "survey", second)

	n, err := db.DeleteImportBatch(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n != 250 {
		t.Errorf("deleted %d responses, want 250", n)
	}
	var after strings.Builder
	for _, table := range []string{"feedback", "feedback_tag", "feedback_daily", "feedback_day_total", "import_batch"} {
		after.WriteString(dumpQuery(t, db, `SELECT * FROM `+table+` ORDER BY 1, 2`))
	}
	if after.String() != before.String() {
		t.Error("deleting the import did not restore the database")
	}
	checkRollup(t, db)
	if _, err := db.DeleteImportBatch(ctx, b.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	// The same file can be imported again afterwards.
	if again := mustImport(t, db, "survey", second); again.Imported != 250 {
		t.Errorf("re-import after undo imported %d", again.Imported)
	}
}

// Once a bulk import has dropped the unique index of (source, external
// id), duplicates are still found exactly: rows stored before under the
// import's source, rows repeated in the file, and rows of another source
// that first shows up after the drop.
func TestBulkImportFindsDuplicatesWithoutTheKeyIndex(t *testing.T) {
	db := openTest(t)
	mustImport(t, db, "survey", makeRows(300, 1))
	mustImport(t, db, "kiosk", makeRows(40, 2)) // ids R00000000…R00000039, as in survey

	bulk := int(bulkThreshold(0))
	rows := makeRows(bulk+1000, 3)
	for i := range rows {
		rows[i].ExternalID = "B" + strconv.Itoa(i)
	}
	// After the drop: the 300 stored ids, 200 repeats of this file's rows
	// and 40 rows of kiosk, of which 30 stored and 10 new.
	tail := rows[bulk+100:]
	for k := range 300 {
		tail[k].ExternalID = fmt.Sprintf("R%08d", k)
	}
	for k := range 200 {
		tail[300+k].ExternalID = "B" + strconv.Itoa(k*7)
	}
	for k := range 40 {
		tail[500+k].Source, tail[500+k].ExternalID = "kiosk", fmt.Sprintf("R%08d", k+10)
	}
	b := mustImport(t, db, "survey", rows)
	if wantDup := 300 + 200 + 30; b.Duplicates != wantDup || b.Imported != len(rows)-wantDup {
		t.Fatalf("imported %d, duplicates %d; want %d and %d", b.Imported, b.Duplicates, len(rows)-wantDup, wantDup)
	}
	var stored int
	if err := db.read.QueryRow(`SELECT count(*) FROM feedback WHERE source = 'kiosk'`).Scan(&stored); err != nil || stored != 50 {
		t.Errorf("kiosk rows = %d (%v), want 50", stored, err)
	}
	plan := dumpQuery(t, db, `EXPLAIN QUERY PLAN SELECT id FROM feedback WHERE source = ? AND external_id = ?`, "survey", "B1")
	if !strings.Contains(plan, "feedback_external") {
		t.Errorf("the key index is not back after the import:\n%s", plan)
	}
	checkRollup(t, db)
}
