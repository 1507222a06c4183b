package importer_test

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/data/sqlite"
)

// copyFixture copies a testdata file into a temporary folder, so the
// rejects file lands there.
func copyFixture(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, raw)
}

func importTickets(t testing.TB, db data.ComplaintStore, path string, opt importer.Options) importer.Result {
	t.Helper()
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	res, err := importer.ImportComplaints(context.Background(), db, path, opt, nil)
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	checkKeys(t, db)
	return res
}

// storedTickets returns every stored complaint with its events, by
// external id.
func storedTickets(t testing.TB, db *sqlite.DB) map[string]data.Complaint {
	t.Helper()
	ctx := context.Background()
	list, err := db.ListComplaints(ctx, data.ComplaintFilter{}, data.Page{})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	m := map[string]data.Complaint{}
	for _, c := range list {
		full, err := db.Complaint(ctx, c.ID)
		if err != nil {
			t.Fatalf("complaint %d: %v", c.ID, err)
		}
		m[full.ExternalID] = full
	}
	return m
}

func assertNoComplaints(t testing.TB, db *sqlite.DB) {
	t.Helper()
	n, err := db.CountComplaints(context.Background(), data.ComplaintFilter{})
	if err != nil || n != 0 {
		t.Errorf("store has %d complaints (%v), want 0", n, err)
	}
	b, err := db.ImportBatches(context.Background())
	if err != nil || len(b) != 0 {
		t.Errorf("store has %d import batches (%v), want 0", len(b), err)
	}
}

// A Zendesk export end to end: stored with the events it says, bad rows
// in the rejects file, a second import adds nothing.
func TestImportZendeskIntoStore(t *testing.T) {
	db := openStore(t)
	path := copyFixture(t, "zendesk_tickets.csv")
	var progressed int
	res, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{Location: time.UTC},
		func(p importer.Progress) { progressed = p.Rows })
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 6 || res.Rejected != 2 || res.Duplicates != 0 || !res.Committed || progressed != 8 {
		t.Fatalf("imported %d rejected %d duplicates %d progress %d: %+v", res.Imported, res.Rejected, res.Duplicates, progressed, res.Rejects)
	}
	if res.Batch.Kind != "complaints" || res.Batch.Source != importer.FormatZendesk || res.Batch.Imported != 6 {
		t.Errorf("batch %+v", res.Batch)
	}
	raw, err := os.ReadFile(res.RejectsFile)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][1] != "8" || recs[1][2] != "Created at" || recs[1][3] != "yesterday" ||
		recs[2][1] != "9" || recs[2][2] != "Priority" || recs[2][3] != "Whenever" || recs[2][4] != "unknown priority" {
		t.Errorf("rejects file %q (%v)", recs, err)
	}

	got := storedTickets(t, db)
	if len(got) != 6 {
		t.Fatalf("%d stored", len(got))
	}
	c := got["1001"]
	if c.Status != data.StatusClosed || c.Priority != data.PriorityCritical || c.Type != data.TypeComplaint || c.ClientName != "Anna Petrova" ||
		c.Assignee != "Ivan Sidorov" || c.Verdict != data.VerdictNotSatisfied || c.Source != importer.FormatZendesk {
		t.Errorf("1001: %+v", c)
	}
	if !c.Facts.FirstResponseAt.Equal(time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)) || !c.Facts.ResolvedAt.Equal(time.Date(2024, 3, 5, 11, 45, 0, 0, time.UTC)) {
		t.Errorf("1001 facts %+v", c.Facts)
	}
	if c := got["1003"]; c.Status != data.StatusInProgress || !c.Facts.ResolvedAt.IsZero() {
		t.Errorf("1003 reopened: %+v", c)
	}

	res = importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 0 || res.Duplicates != 6 || res.Rejected != 2 {
		t.Errorf("re-import: imported %d duplicates %d rejected %d", res.Imported, res.Duplicates, res.Rejected)
	}
	if n, _ := db.CountComplaints(context.Background(), data.ComplaintFilter{}); n != 6 {
		t.Errorf("%d complaints after re-import, want 6", n)
	}
}

// What a source says without a time stays undated through the store:
// otherwise the store would date it at its lower bound and invent a
// resolution time (data.ComplaintEvent.Undated; the store must keep it).
func TestImportKeepsUndatedEvents(t *testing.T) {
	db := openStore(t)
	importTickets(t, db, copyFixture(t, "zendesk_tickets.csv"), importer.Options{RejectsPath: "-"})
	got := storedTickets(t, db)
	// Closed after the solve, at a time Zendesk does not give.
	undated := 0
	for _, e := range got["1001"].Events {
		if e.Undated {
			undated++
			if e.Status != data.StatusClosed {
				t.Errorf("1001: undated %+v", e)
			}
		}
	}
	if undated != 1 {
		t.Errorf("1001: %d undated events stored, want 1: %+v", undated, got["1001"].Events)
	}
	// Two reopens Zendesk counts without dating them: no resolution at
	// the first reply's time. Its "First resolution time in minutes"
	// (300 from 12:00) dates the first solving, the first resolution.
	if f := got["1005"].Facts; f.UndatedReopens != 2 || len(f.Reopens) != 0 || !f.FirstResolvedAt.Equal(time.Date(2024, 3, 6, 17, 0, 0, 0, time.UTC)) ||
		!f.ResolvedAt.Equal(time.Date(2024, 3, 9, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("1005: two reopens without times: %+v", f)
	}
	// "Assignee stations" 2: two agents held 1003, one of them unnamed
	// and undated; its assignee stays the one the file names.
	if c := got["1003"]; c.Facts.Agents != 2 || c.Assignee != "Ivan Sidorov" || c.Facts.AssigneeID != c.AssigneeID {
		t.Errorf("1003: agents %d assignee %q (%d)", c.Facts.Agents, c.Assignee, c.AssigneeID)
	}
	if f := got["1001"].Facts; f.Agents != 1 {
		t.Errorf("1001: one assignee station, %d agents", f.Agents)
	}
}

func TestImportComplaintsStrictStoresNothing(t *testing.T) {
	db := openStore(t)
	path := copyFixture(t, "register_ru_cp1251.csv")
	res, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{Strict: true, Location: time.UTC, RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrStrict) || res.Committed || res.Imported != 0 || res.Rejected != 3 {
		t.Fatalf("strict: %v, %+v", err, res)
	}
	if !strings.Contains(err.Error(), "register_ru_cp1251.csv") {
		t.Errorf("error does not name the file: %v", err)
	}
	assertNoComplaints(t, db)

	// Without strict the five good rows go in (Ж-108's compensation
	// «много» is kept as words), the Russian names intact.
	res = importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 5 || res.Rejected != 3 {
		t.Fatalf("imported %d rejected %d", res.Imported, res.Rejected)
	}
	c := storedTickets(t, db)["Ж-101"]
	if c.ClientName != "ООО «Ромашка»" || c.Category != "Доставка" || c.Subcategory != "Опоздание" || c.Compensation != 150000 ||
		c.Assignee != "Смирнова Е." || c.ClientTier != "key" {
		t.Errorf("Ж-101: %+v", c)
	}
}

func TestImportServiceNowEventLogIntoStore(t *testing.T) {
	db := openStore(t)
	res := importTickets(t, db, copyFixture(t, "servicenow_event_log.csv"), importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 1 || res.Rejects[0].Row != 12 {
		t.Fatalf("imported %d rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	c := storedTickets(t, db)["INC0000047"]
	f := c.Facts
	at := func(m time.Month, d, h, mi int) time.Time { return time.Date(2016, m, d, h, mi, 0, 0, time.UTC) }
	if c.Status != data.StatusResolved || len(f.Reopens) != 1 || !f.Reopens[0].Equal(at(3, 1, 8, 0)) || !f.ResolvedAt.Equal(at(3, 1, 9, 52)) ||
		!f.FirstResolvedAt.Equal(at(2, 29, 17, 15)) || len(f.Waiting) != 1 {
		t.Errorf("INC0000047: %+v", c)
	}
}

func TestImportComplaintsNeedsDates(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "nodate.csv", []byte("Клиент;Описание\nИванов;Жалоба на курьера\n"))
	if _, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{}, nil); !errors.Is(err, importer.ErrNeedFileDate) ||
		!strings.Contains(err.Error(), `--map opened=COLUMN (columns: "Клиент", "Описание")`) {
		t.Errorf("no date column: %v", err)
	}
	// A date for the whole file stands in (it used to panic: no date
	// column, so no date order was decided).
	day := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	if res := importTickets(t, db, path, importer.Options{FileDate: day, RejectsPath: "-"}); res.Imported != 1 {
		t.Errorf("no date column with a file date: imported %d", res.Imported)
	}
	if got := storedTickets(t, db); len(got) != 1 {
		t.Errorf("stored %d complaints", len(got))
	} else {
		for _, c := range got {
			if !c.OpenedAt.Equal(day) {
				t.Errorf("opened %v, want the file date", c.OpenedAt)
			}
		}
	}
	if _, err := db.DeleteImportBatch(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	path = copyFixture(t, "complaints.xlsx")
	if _, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{RejectsPath: "-"}, nil); !errors.Is(err, importer.ErrAmbiguousDates) ||
		!strings.Contains(err.Error(), "Opened") {
		t.Errorf("ambiguous dates: %v", err)
	}
	assertNoComplaints(t, db)
	res := importTickets(t, db, path, importer.Options{DateOrder: importer.DMY, RejectsPath: "-"})
	if res.Imported != 4 || res.Rejected != 1 {
		t.Errorf("xlsx: imported %d rejected %d", res.Imported, res.Rejected)
	}
}

// A hand register exported again under another name adds nothing.
func TestImportRegisterRenamedAddsNothing(t *testing.T) {
	db := openStore(t)
	opt := importer.Options{RejectsPath: "-", DateOrder: importer.DMY}
	first := importTickets(t, db, copyFixture(t, "register_ru_cp1251.csv"), opt)
	raw, err := os.ReadFile(filepath.Join("testdata", "register_ru_cp1251.csv"))
	if err != nil {
		t.Fatal(err)
	}
	again := importTickets(t, db, writeFile(t, "Реестр обращений (1).csv", raw), opt)
	if first.Imported == 0 || again.Imported != 0 || again.Duplicates != first.Imported {
		t.Errorf("first import %d; under another name imported %d, duplicates %d", first.Imported, again.Imported, again.Duplicates)
	}
}

// A register with one number typed twice is not an event log: the other
// complaints keep their resolution dates (read as a log, every
// resolution date was dropped), and the repeated row counts as a
// duplicate. A report footer repeating a line does not make a log either.
func TestImportRegisterWithRepeatedNumber(t *testing.T) {
	db := openStore(t)
	file := "№;Дата обращения;Статус;Описание;Дата решения\n" +
		"1;01.03.2024 10:00;Решено;Курьер опоздал;01.03.2024 15:00\n" +
		"2;02.03.2024 10:00;Решено;Не тот товар;04.03.2024 10:00\n" +
		"3;03.03.2024 10:00;В работе;Нет ответа;\n" +
		"3;05.03.2024 11:00;Решено;Брак;06.03.2024 11:00\n" +
		"4;07.03.2024 10:00;Решено;Возврат;07.03.2024 18:00\n" +
		"Итого: 5\nСформировано 08.03.2024\nИтого: 5\n"
	res := importTickets(t, db, writeFile(t, "реестр.csv", []byte(file)), importer.Options{RejectsPath: "-"})
	if res.Imported != 4 || res.Duplicates != 1 {
		t.Fatalf("imported %d, duplicates %d; want 4 and 1", res.Imported, res.Duplicates)
	}
	for _, w := range res.Warnings {
		if w.Code == "import.warning.event_log" {
			t.Errorf("read as an event log: %v", w.Text)
		}
	}
	got := storedTickets(t, db)
	if c := got["1"]; !data.DeriveFacts(c.Events).ResolvedAt.Equal(time.Date(2024, 3, 1, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("ticket 1 resolved at %v", data.DeriveFacts(c.Events).ResolvedAt)
	}
	if c := got["4"]; !data.DeriveFacts(c.Events).ResolvedAt.Equal(time.Date(2024, 3, 7, 18, 0, 0, 0, time.UTC)) {
		t.Errorf("ticket 4 resolved at %v", data.DeriveFacts(c.Events).ResolvedAt)
	}
}

// An event log without an update-time column still dates the resolution
// from the row that resolves, and says it was read as a log.
func TestImportEventLogDatesResolutionFromRow(t *testing.T) {
	db := openStore(t)
	var b strings.Builder
	b.WriteString("Ticket ID,Created,Status,Resolved at\n")
	for id := 1; id <= 4; id++ {
		fmt.Fprintf(&b, "T%d,2024-03-0%d 09:00,Open,\n", id, id)
		fmt.Fprintf(&b, "T%d,2024-03-0%d 09:00,Solved,2024-03-0%d 13:30\n", id, id, id)
	}
	res := importTickets(t, db, writeFile(t, "log.csv", []byte(b.String())), importer.Options{RejectsPath: "-"})
	if res.Imported != 4 {
		t.Fatalf("imported %d complaints, want 4", res.Imported)
	}
	logWarned := false
	for _, w := range res.Warnings {
		logWarned = logWarned || w.Code == "import.warning.event_log"
	}
	if !logWarned {
		t.Errorf("no event-log warning: %+v", res.Warnings)
	}
	got := storedTickets(t, db)
	for id := 1; id <= 4; id++ {
		c := got[fmt.Sprintf("T%d", id)]
		resolved := data.DeriveFacts(c.Events).ResolvedAt
		if want := time.Date(2024, 3, id, 13, 30, 0, 0, time.UTC); !resolved.Equal(want) || c.Status != data.StatusResolved {
			t.Errorf("T%d: %s resolved at %v, want %v", id, c.Status, resolved, want)
		}
	}
}

// Reopens a source counts without their times (Zendesk's "Reopens") reach
// the agents' scorecards as well as the complaint KPIs: ticket 1005 was
// reopened twice and solved in March.
func TestImportedReopenCountsReachScorecards(t *testing.T) {
	db := openStore(t)
	importTickets(t, db, copyFixture(t, "zendesk_tickets.csv"), importer.Options{RejectsPath: "-"})
	out, err := db.AgentOutcomes(context.Background(), data.DateDay(2024, 3, 1), data.DateDay(2024, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	var handled, reopened int64
	for _, o := range out.Outcomes {
		handled += o.Handled
		reopened += o.Reopened
	}
	if handled != 3 || reopened != 1 {
		t.Errorf("handled %d, reopened %d; want 3 and 1 (ticket 1005)", handled, reopened)
	}
}

// A register names the unit after its field ("Время реакции, мин",
// "Resolution time in hours"): the column is still the duration, read in
// that unit.
func TestImportRegisterDurationUnitNotes(t *testing.T) {
	files := map[string]string{
		"reg_ru.csv": "Номер обращения;Дата обращения;Клиент;Тема;Приоритет;Статус;Время реакции, мин;Время решения, ч\n" +
			"A-1;03.02.2025 10:15;ООО Ромашка;Не работает вход;Высокий;Закрыто;25;5,5\n" +
			"A-2;03.02.2025 11:00;ИП Петров;Ошибка в счёте;Средний;В работе;40;\n",
		"reg_en.csv": "Ticket ID,Created,Customer,Subject,Priority,Status,Response time in minutes,\"Resolution time, hours\"\n" +
			"A-1,2025-02-03 10:15,Acme,Login broken,High,Closed,25,5.5\n" +
			"A-2,2025-02-03 11:00,Globex,Wrong invoice,Normal,Open,40,\n",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			db := openStore(t)
			res := importTickets(t, db, writeFile(t, name, []byte(content)), importer.Options{})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d: %v", res.Imported, res.Rejected, res.Rejects)
			}
			got := storedTickets(t, db)
			opened := time.Date(2025, 2, 3, 10, 15, 0, 0, time.UTC)
			f := data.DeriveFacts(got["A-1"].Events)
			if !f.FirstResponseAt.Equal(opened.Add(25*time.Minute)) || !f.ResolvedAt.Equal(opened.Add(330*time.Minute)) {
				t.Errorf("A-1: first response %v, resolved %v; want 10:40 and 15:45", f.FirstResponseAt, f.ResolvedAt)
			}
			f = data.DeriveFacts(got["A-2"].Events)
			if !f.FirstResponseAt.Equal(time.Date(2025, 2, 3, 11, 40, 0, 0, time.UTC)) || !f.ResolvedAt.IsZero() {
				t.Errorf("A-2: first response %v, resolved %v; want 11:40 and open", f.FirstResponseAt, f.ResolvedAt)
			}
		})
	}
}

// An English register kept by hand: its "Complaint Ref" is the id, the
// product it concerns the category, the one-line "Issue" the subject
// beside the "Details", and "Channel Received" the channel.
func TestImportEnglishRegister(t *testing.T) {
	path := writeFile(t, "register.csv", []byte("Complaint Ref,Complaint Date,Customer Name,Product,Issue,Details,Channel Received,Severity,Owner,Status,Date Closed,Outcome,Compensation ($),Customer Satisfied\n"+
		"CR-1001,01/03/2024,John Smith,Broadband,Slow speed,Below 10Mbps for a week,Phone,High,Sarah Lee,Closed,01/05/2024,Router replaced,25.00,Yes\n"+
		"CR-1002,01/15/2024,Mary Jones,Mobile,Billing error,Charged twice,Email,Medium,Tom Ray,Open,,,,\n"))
	db := openStore(t)
	if res := importTickets(t, db, path, importer.Options{}); res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d: %v", res.Imported, res.Rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	c, ok := got["CR-1001"]
	if !ok {
		t.Fatalf("no CR-1001 among %v", slices.Collect(maps.Keys(got)))
	}
	if c.Category != "Broadband" || c.Subject != "Slow speed" || c.Description != "Below 10Mbps for a week" || c.Channel != data.ChannelPhone ||
		c.Compensation != 2500 || c.Verdict != data.VerdictSatisfied || c.Priority != data.PriorityHigh {
		t.Errorf("CR-1001: %+v", c)
	}
	if c := got["CR-1002"]; c.Category != "Mobile" || c.Channel != data.ChannelEmail || c.Status != data.StatusInProgress {
		t.Errorf("CR-1002: %+v", c)
	}
}
