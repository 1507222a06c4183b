package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

func TestOpenFreshDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new folder", "sub", "care desk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Path() != path {
		t.Errorf("Path = %q, want %q", db.Path(), path)
	}
	migs, _ := embeddedMigrations()
	var version int
	var journal string
	var fk int
	db.write.QueryRow(`PRAGMA user_version`).Scan(&version)
	db.write.QueryRow(`PRAGMA journal_mode`).Scan(&journal)
	db.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if version != len(migs) || version == 0 {
		t.Errorf("user_version = %d, want %d", version, len(migs))
	}
	if journal != "wal" || fk != 1 {
		t.Errorf("journal_mode = %q, foreign_keys = %d; want wal and 1", journal, fk)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	if backups, _ := filepath.Glob(path + ".bak-*"); len(backups) != 0 {
		t.Errorf("fresh database was backed up: %v", backups)
	}
	if db.Location() != time.Local {
		t.Errorf("default location = %v, want Local", db.Location())
	}
}

func TestReopenKeepsDataAndSettings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caredesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	moscow, _ := time.LoadLocation("Europe/Moscow")
	if err := db.SetLocation(ctx, moscow); err != nil {
		t.Fatal(err)
	}
	f := data.Feedback{RespondedAt: at(2024, 3, 1, 10, 0), Score: 9, Channel: data.ChannelEmail}
	if err := db.CreateFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Location().String(); got != "Europe/Moscow" {
		t.Errorf("location after reopen = %s", got)
	}
	if _, err := db.Feedback(ctx, f.ID); err != nil {
		t.Errorf("row lost after reopen: %v", err)
	}
	if backups, _ := filepath.Glob(path + ".bak-*"); len(backups) != 0 {
		t.Errorf("reopening at the same version made a backup: %v", backups)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caredesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, err = Open(ctx, path)
	if !errors.Is(err, data.ErrNewerSchema) {
		t.Fatalf("Open of a newer file: err = %v, want ErrNewerSchema", err)
	}
	migs, _ := embeddedMigrations()
	if msg := err.Error(); !strings.Contains(msg, "99") || !strings.Contains(msg, fmt.Sprintf("up to %d", len(migs))) {
		t.Errorf("error does not name both versions: %q", msg)
	}
}

// testMigrations is the embedded list plus a made-up next version.
func testMigrations(t *testing.T, next string) []migration {
	t.Helper()
	migs, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return append(migs, migration{version: len(migs) + 1, name: "9999_test.sql", sql: next})
}

// TestMigratingOldVersionMakesBackup writes a version-1 file (rows and
// rollup as version 1 kept them), opens it with the current migrations and
// checks the backup and the migrated rollups.
func TestMigratingOldVersionMakesBackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caredesk.db")
	migs, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(migs) < 2 {
		t.Fatal("test expects at least two migrations")
	}
	old, err := open(ctx, path, migs[:1])
	if err != nil {
		t.Fatal(err)
	}
	for i, score := range []any{9, 3, nil, 10} {
		if _, err := old.write.Exec(`INSERT INTO feedback (responded_at, day, score, comment, channel, touchpoint, source, external_id)
			VALUES (?, ?, ?, 'before the upgrade', 'web', 'Оплата', 'manual', ?)`,
			at(2024, 3, 1+i%2, 10, 0).Unix(), data.DateDay(2024, 3, 1+i%2), score, fmt.Sprint("x", i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.write.Exec(`INSERT INTO feedback_daily (day, channel, touchpoint, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, unscored)
		SELECT day, channel, touchpoint, ` + scoreCountColumns + ` FROM feedback GROUP BY 1, 2, 3`); err != nil {
		t.Fatal(err)
	}
	db := migrated(t, old, path)
	var version int
	db.write.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != len(migs) {
		t.Errorf("user_version = %d after migrating, want %d", version, len(migs))
	}
	checkRollup(t, db) // the new per-day totals were filled from the old rollup
	if n, _ := db.CountFeedback(ctx, data.FeedbackFilter{}); n != 4 {
		t.Errorf("count after migrating = %d, want 4", n)
	}

	backups, _ := filepath.Glob(path + ".bak-v1-*")
	if len(backups) != 1 {
		t.Fatalf("want one backup %s.bak-v1-<timestamp>, found %v", path, backups)
	}
	bak, err := sql.Open(driverName, dsn(backups[0], nil))
	if err != nil {
		t.Fatal(err)
	}
	defer bak.Close()
	var bakVersion, rows int
	bak.QueryRow(`PRAGMA user_version`).Scan(&bakVersion)
	if err := bak.QueryRow(`SELECT count(*) FROM feedback WHERE comment = 'before the upgrade'`).Scan(&rows); err != nil || rows != 4 {
		t.Errorf("backup lacks the old rows: %d, %v", rows, err)
	}
	if bakVersion != 1 {
		t.Errorf("backup user_version = %d, want 1", bakVersion)
	}
}

func TestFailedMigrationLeavesPreviousVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "caredesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	// The first statement would succeed; the second fails, so the whole
	// step must roll back.
	migs := testMigrations(t, `CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);`)
	if _, err := open(ctx, path, migs); err == nil || !strings.Contains(err.Error(), "9999_test.sql") {
		t.Fatalf("broken migration: err = %v, want an error naming it", err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after failed migration: %v", err)
	}
	defer db.Close()
	var n int
	db.read.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).Scan(&n)
	if n != 0 {
		t.Error("a failed migration left its first table behind")
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	t.Setenv("AppData", dir)
	p, err := DefaultPath()
	if err != nil {
		t.Fatalf("DefaultPath: %v", err)
	}
	if filepath.Base(p) != "caredesk.db" || filepath.Base(filepath.Dir(p)) != "CareDesk" || !strings.HasPrefix(p, dir) {
		t.Errorf("DefaultPath = %q, want <config dir under %s>/CareDesk/caredesk.db", p, dir)
	}
}

// Migration 9 counts the reopens a source gave without their times in
// complaint.reopens, which version 8 left out. The reopens here follow
// dated resolutions, so that they flow (an undated resolution and
// reopening flow on no day, see derive).
func TestMigrationCountsUndatedReopens(t *testing.T) {
	path, old := openAtVersion(t, 8)
	undated := func(h time.Duration, s data.Status) data.ComplaintEvent {
		e := move(monday.Add(h), s)
		e.Undated = true
		return e
	}
	var c data.Complaint
	withLaterColumns(t, old, func() {
		c = mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			move(monday.Add(10*time.Hour), data.StatusNew),
			move(monday.Add(11*time.Hour), data.StatusResolved), undated(11*time.Hour, data.StatusInProgress),
			move(monday.Add(13*time.Hour), data.StatusResolved), undated(13*time.Hour, data.StatusInProgress),
			move(monday.Add(15*time.Hour), data.StatusResolved)}})
	})
	// What version 8 stored.
	if _, err := old.write.Exec(`UPDATE complaint SET reopens = 0 WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	db := migrated(t, old, path)
	var reopens int
	if err := db.read.QueryRow(`SELECT reopens FROM complaint WHERE id = ?`, c.ID).Scan(&reopens); err != nil || reopens != 2 {
		t.Errorf("reopens after migrating = %d (%v), want 2", reopens, err)
	}
	checkComplaints(t, db)
}

// Migration 10 rebuilds the feedback table to make its key a droppable
// index: the tags and kudos that reference the responses stay, and the
// key still refuses a second row with the same source and external id.
func TestMigrationKeepsFeedbackReferences(t *testing.T) {
	path, old := openAtVersion(t, 9)
	rows := makeRows(20, 3)
	for i := range rows {
		rows[i].Tags = []string{"delivery"}
	}
	mustImport(t, old, "survey", rows)
	if _, err := old.write.Exec(`INSERT INTO employee (name) VALUES ('Anna')`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.write.Exec(`INSERT INTO kudos (employee_id, at, given_by, text, feedback_id) VALUES (1, 0, 'client', 'thanks', 5)`); err != nil {
		t.Fatal(err)
	}
	before := dumpQuery(t, old, `SELECT f.id, f.external_id, f.score, t.tag FROM feedback f JOIN feedback_tag t ON t.feedback_id = f.id ORDER BY f.id`)
	db := migrated(t, old, path)
	if after := dumpQuery(t, db, `SELECT f.id, f.external_id, f.score, t.tag FROM feedback f JOIN feedback_tag t ON t.feedback_id = f.id ORDER BY f.id`); after != before {
		t.Errorf("responses and tags after migrating:\n%s\nwant:\n%s", after, before)
	}
	var kudosFeedback sql.NullInt64
	if err := db.read.QueryRow(`SELECT feedback_id FROM kudos`).Scan(&kudosFeedback); err != nil || kudosFeedback.Int64 != 5 {
		t.Errorf("kudos feedback_id after migrating = %v (%v), want 5", kudosFeedback, err)
	}
	var fk int
	if err := db.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v) after migrating, want 1", fk, err)
	}
	if _, err := db.write.Exec(`INSERT INTO feedback (responded_at, day, source, external_id) VALUES (0, 0, 'survey', ?)`, rows[0].ExternalID); !errors.Is(mapErr(err), data.ErrConflict) {
		t.Errorf("a second row with a stored key: %v, want a conflict", err)
	}
}

// Migration 11 gives events their cancellation mark and the daily counts
// their cancellations; what version 10 stored stays as it was.
func TestMigrationAddsCancellations(t *testing.T) {
	path, old := openAtVersion(t, 10)
	withLaterColumns(t, old, func() {
		mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			move(monday.Add(11*time.Hour), data.StatusInProgress), move(monday.Add(15*time.Hour), data.StatusResolved)}})
	})
	db := migrated(t, old, path)
	var resolutions, cancellations int
	if err := db.read.QueryRow(`SELECT sum(resolutions), sum(cancellations) FROM complaint_daily`).Scan(&resolutions, &cancellations); err != nil ||
		resolutions != 1 || cancellations != 0 {
		t.Errorf("after migrating: resolutions %d cancellations %d (%v), want 1 and 0", resolutions, cancellations, err)
	}
	// The migrated file takes a cancellation.
	mustComplaint(t, db, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
		{At: monday.Add(12 * time.Hour), Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true}}})
	checkComplaints(t, db)
}

// Migration 12 keeps the withdrawn mark with the complaint: a complaint
// withdrawn under version 11 is marked, one resolved is not.
func TestMigrationMarksWithdrawn(t *testing.T) {
	ctx := context.Background()
	path, old := openAtVersion(t, 11)
	var withdrawn, resolved data.Complaint
	withLaterColumns(t, old, func() {
		withdrawn = mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			{At: monday.Add(12 * time.Hour), Kind: data.EventStatus, Status: data.StatusClosed, Cancelled: true}}})
		resolved = mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			move(monday.Add(12*time.Hour), data.StatusResolved), move(monday.Add(13*time.Hour), data.StatusClosed)}})
	})
	db := migrated(t, old, path)
	list, err := db.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if want := c.ID == withdrawn.ID; c.Facts.Withdrawn != want || c.ID != withdrawn.ID && c.ID != resolved.ID {
			t.Errorf("complaint %d listed withdrawn %v, want %v", c.ID, c.Facts.Withdrawn, want)
		}
	}
	checkComplaints(t, db)
}

// Migration 13 moves the breach marks into their set: a complaint
// resolved late under version 12 stays marked, one resolved in time not,
// and saving the standard again keeps them right.
func TestMigrationMovesBreachMarks(t *testing.T) {
	ctx := context.Background()
	path, old := openAtVersion(t, 12)
	var late data.Complaint
	withLaterColumns(t, old, func() {
		s := resolutionStandard(2*time.Hour, 2*time.Hour)
		if err := old.SaveStandard(ctx, &s); err != nil {
			t.Fatal(err)
		}
		late = mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			move(monday.Add(15*time.Hour), data.StatusResolved)}})
		mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
			move(monday.Add(11*time.Hour), data.StatusResolved)}})
	})
	if got := dumpQuery(t, old, `SELECT id FROM complaint WHERE sla_breached = 1`); got != fmt.Sprintln(late.ID) {
		t.Fatalf("version 12 marked %q, want complaint %d", got, late.ID)
	}
	db := migrated(t, old, path)
	if got := dumpQuery(t, db, `SELECT complaint_id FROM complaint_breached`); got != fmt.Sprintln(late.ID) {
		t.Errorf("after the migration marked %q, want complaint %d", got, late.ID)
	}
	if n := dumpQuery(t, db, `SELECT count(*) FROM pragma_table_info('complaint') WHERE name = 'sla_breached'`); n != "0\n" {
		t.Error("the column sla_breached is still there")
	}
	breached, err := db.ListComplaints(ctx, data.ComplaintFilter{View: data.ViewBreached, Now: monday.Add(16 * time.Hour)}, data.Page{})
	if err != nil || len(breached) != 1 || breached[0].ID != late.ID {
		t.Errorf("breached view lists %+v (%v), want complaint %d", breached, err, late.ID)
	}
	checkComplaints(t, db)
}

// Migration 15 keys complaint_sla by complaint first: every row stays,
// and the standards saved before it judge and re-judge as they did.
func TestMigrationKeysSLAByComplaint(t *testing.T) {
	ctx := context.Background()
	path, old := openAtVersion(t, 14)
	withLaterColumns(t, old, func() {
		for _, s := range []data.Standard{resolutionStandard(2*time.Hour, 2*time.Hour), resolutionStandard(6*time.Hour, 6*time.Hour)} {
			s.Code += fmt.Sprint(s.Versions[0].Targets[data.PriorityNormal])
			if err := old.SaveStandard(ctx, &s); err != nil {
				t.Fatal(err)
			}
		}
		for h := range 3 {
			mustComplaint(t, old, data.Complaint{OpenedAt: monday.Add(10 * time.Hour), Events: []data.ComplaintEvent{
				move(monday.Add(time.Duration(11+2*h)*time.Hour), data.StatusResolved)}})
		}
	})
	const rows = `SELECT standard_id, complaint_id, due_at, risk_at, finished_at, finished_day, outcome FROM complaint_sla ORDER BY 1, 2`
	before := dumpQuery(t, old, rows)
	if strings.Count(before, "\n") != 6 {
		t.Fatalf("version 14 stored %q, want 6 rows", before)
	}
	db := migrated(t, old, path)
	if got := dumpQuery(t, db, rows); got != before {
		t.Errorf("after the migration:\n%s\nwant\n%s", got, before)
	}
	key := `SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(
		(SELECT name FROM pragma_index_list('complaint_sla') WHERE origin = 'pk')) ORDER BY seqno)`
	if got := dumpQuery(t, db, key); got != "complaint_id,standard_id\n" {
		t.Errorf("complaint_sla keyed by %q", got)
	}
	checkComplaints(t, db)
}
