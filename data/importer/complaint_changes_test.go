package importer_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/data/sqlite"
)

// history lists a stored complaint's events as "kind:what@MM-DD hh:mm",
// an assignment by the employee's name, an undated event marked "~".
func history(t *testing.T, db *sqlite.DB, c data.Complaint) []string {
	t.Helper()
	emps, err := db.Employees(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{}
	for _, e := range emps {
		names[e.ID] = e.Name
	}
	var out []string
	for _, e := range c.Events {
		s := string(e.Kind)
		switch e.Kind {
		case data.EventStatus:
			s += ":" + string(e.Status)
		case data.EventEscalation:
			s += ":" + string(e.Level)
		case data.EventAssign:
			s += ":" + names[e.AssigneeID]
		}
		if e.Undated {
			s += "~"
		}
		if e.Cancelled {
			s += "(cancelled)"
		}
		out = append(out, s+"@"+e.At.UTC().Format("01-02 15:04"))
	}
	return out
}

func checkHistory(t *testing.T, db *sqlite.DB, c data.Complaint, want ...string) {
	t.Helper()
	if got := history(t, db, c); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s: events\n got %q\nwant %q", c.ExternalID, got, want)
	}
}

func rejectsOf(res importer.Result) []string {
	var out []string
	for _, r := range res.Rejects {
		out = append(out, fmt.Sprintf("%s:%d %s=%q %s", r.File, r.Row, r.Column, r.Value, r.Code))
	}
	return out
}

// A Russian help desk's «История изменений» in Windows-1251 with ';':
// a row per change of one field, the ticket's creation repeated on each
// row (empty for one ticket). Status changes are the status events at
// their dates, «Ответственный» the assignments, «Уровень поддержки» an
// escalation, the last «Приоритет» the priority; «Автор» is who made the
// change, neither client nor employee. Rows out of time order are put in
// order.
func TestImportRussianChangeHistory(t *testing.T) {
	db := openStore(t)
	path := copyFixture(t, "history_ru_cp1251.csv")
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 4 || res.Rejected != 4 || res.Skipped != 1 {
		t.Fatalf("imported %d rejected %d skipped %d, want 4, 4, 1: %q", res.Imported, res.Rejected, res.Skipped, rejectsOf(res))
	}
	wantRejects := []string{
		`history_ru_cp1251.csv:17 Новое значение="Непонятная" import.reject.status`,
		`history_ru_cp1251.csv:18 Новое значение="Жёлтый" import.reject.priority`,
		`history_ru_cp1251.csv:21 Дата изменения="13.03.2025 09:00" import.reject.before_opened`,
		`history_ru_cp1251.csv:23 Номер заявки="" import.reject.id_missing`,
	}
	if got := rejectsOf(res); strings.Join(got, "\n") != strings.Join(wantRejects, "\n") {
		t.Errorf("rejects\n got %q\nwant %q", got, wantRejects)
	}
	if w := findWarning(t, res.Warnings, "import.warning.change_log"); w.Args["Opened"] != "Дата создания заявки" || w.Args["Date"] != "Дата изменения" {
		t.Errorf("change log warning %+v", w)
	}
	if w := findWarning(t, res.Warnings, "import.warning.opened_by_change"); w.Args["Count"] != 1 {
		t.Errorf("opened-by-change warning %+v", w)
	}
	if w := findWarning(t, res.Warnings, "import.warning.other_changes"); w.Args["Count"] != 2 || w.Args["Fields"] != `"Описание", "Тема"` {
		t.Errorf("other fields warning %+v", w)
	}
	got := storedTickets(t, db)

	c := got["1001"]
	checkHistory(t, db, c, "status:new@03-03 09:00", "assign:Иванова А.@03-03 09:05", "status:in_progress@03-03 09:40",
		"status:waiting@03-03 12:00", "status:in_progress@03-04 10:00", "escalation:senior@03-04 11:00", "assign:Петров С.@03-04 11:05",
		"status:resolved@03-04 15:00", "status:in_progress@03-05 09:00", "status:resolved@03-05 13:00", "status:closed@03-06 09:00")
	f := c.Facts
	if c.Status != data.StatusClosed || c.Priority != data.PriorityHigh || c.Level != data.LevelSenior || c.Assignee != "Петров С." ||
		c.ClientName != "ООО «Ромашка»" || c.Subject != "Не пришёл заказ" || !c.OpenedAt.Equal(utcAt(2025, 3, 3, 9, 0)) {
		t.Errorf("1001: %+v", c)
	}
	if !f.FirstResponseAt.Equal(utcAt(2025, 3, 3, 9, 40)) || !f.FirstResolvedAt.Equal(utcAt(2025, 3, 4, 15, 0)) ||
		!f.ResolvedAt.Equal(utcAt(2025, 3, 5, 13, 0)) || len(f.Reopens) != 1 || f.Escalations != 1 || f.Agents != 2 ||
		len(f.Waiting) != 1 || !f.Waiting[0].End.Equal(utcAt(2025, 3, 4, 10, 0)) {
		t.Errorf("1001 facts: %+v", f)
	}

	// No creation date: opened at its first change, the assignment.
	c = got["1002"]
	checkHistory(t, db, c, "status:new@03-10 13:50", "assign:Сидорова М.@03-10 13:50", "status:in_progress@03-10 14:20")
	if !c.Facts.FirstResponseAt.Equal(utcAt(2025, 3, 10, 14, 20)) || !c.Facts.ResolvedAt.IsZero() || c.Assignee != "Сидорова М." {
		t.Errorf("1002: %+v", c)
	}
	// Its bad changes rejected, the rest kept: cancelled, so no
	// resolution.
	c = got["1003"]
	checkHistory(t, db, c, "status:new@03-11 08:00", "status:closed(cancelled)@03-11 10:00")
	if !c.Facts.Withdrawn || !c.Facts.ResolvedAt.IsZero() || c.Priority != data.PriorityNormal {
		t.Errorf("1003: %+v", c)
	}
	checkHistory(t, db, got["1005"], "status:new@03-13 10:00", "status:in_progress@03-13 11:00")
	if _, ok := got["1004"]; ok {
		t.Error("1004, marked spam, was stored")
	}

	emps, _ := db.Employees(context.Background())
	clients, _ := db.Clients(context.Background())
	for _, e := range emps {
		if e.Name == "Оператор" || e.Name == "Система" || e.Name == "Клиент" {
			t.Errorf("the author %q became an employee", e.Name)
		}
	}
	if len(emps) != 3 || len(clients) != 4 {
		t.Errorf("%d employees, %d clients, want 3 and 4", len(emps), len(clients))
	}

	again := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	if again.Imported != 0 || again.Duplicates != 4 {
		t.Errorf("re-import: imported %d duplicates %d", again.Imported, again.Duplicates)
	}
}

// Strict: one bad change stores nothing of the file.
func TestImportChangeHistoryStrict(t *testing.T) {
	db := openStore(t)
	path := copyFixture(t, "history_ru_cp1251.csv")
	_, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{Location: time.UTC, Strict: true}, nil)
	if !errors.Is(err, importer.ErrStrict) {
		t.Fatalf("err %v, want ErrStrict", err)
	}
	assertNoComplaints(t, db)
}
