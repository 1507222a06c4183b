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
	if k := importer.Kind(path, importer.Options{}); k != importer.KindComplaints {
		t.Errorf("kind %q: a change log holds tickets", k)
	}
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

// Jira's changelog flattened: "Created" dates the change (not the
// issue), "Author" made it, "From"/"To" hold ids and
// "fromString"/"toString" the names read. The first move out of "Open",
// the status Jira creates an issue in, is the first response. An issue
// without "Issue created" opens at its first change.
func TestImportJiraChangelog(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "jira_changelog.csv", []byte("\ufeff"+
		"Issue key,Summary,Issue created,Created,Author,Field,From,fromString,To,toString\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,03/Feb/25 10:15 AM,admin,assignee,,,osmirnova,Olga Smirnova\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,03/Feb/25 10:45 AM,osmirnova,status,1,Open,3,In Progress\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,03/Feb/25 11:00 AM,osmirnova,priority,3,Medium,2,High\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,03/Feb/25 12:00 PM,osmirnova,status,3,In Progress,10002,Waiting for customer\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,04/Feb/25 9:00 AM,client,status,10002,Waiting for customer,3,In Progress\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,04/Feb/25 4:00 PM,osmirnova,status,3,In Progress,5,Resolved\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,04/Feb/25 4:00 PM,osmirnova,resolution,,,10000,Done\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,06/Feb/25 10:00 AM,client,status,5,Resolved,4,Reopened\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,06/Feb/25 11:00 AM,osmirnova,Support tier,,,,Tier 2\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,06/Feb/25 11:30 AM,osmirnova,assignee,osmirnova,Olga Smirnova,bklein,Boris Klein\n"+
		"SUP-1,Refund not received,03/Feb/25 9:50 AM,06/Feb/25 3:00 PM,bklein,status,4,Reopened,6,Closed\n"+
		"SUP-2,Cannot log in,,10/Feb/25 8:00 AM,admin,status,1,To Do,10001,Done\n"+
		"SUP-2,Cannot log in,,10/Feb/25 8:05 AM,admin,Rank,,,,Ranked higher\n"+
		"SUP-3,Invoice copy,10/Feb/25 9:00 AM,10/Feb/25 9:30 AM,admin,status,1,Open,10500,Parked\n"+
		"SUP-3,Invoice copy,10/Feb/25 9:00 AM,10/Feb/25 9:40 AM,admin,assignee,,,osmirnova,Olga Smirnova\n"))
	res := importTickets(t, db, path, importer.Options{})
	want := []string{`jira_changelog.csv:15 toString="Parked" import.reject.status`}
	if res.Imported != 3 || strings.Join(rejectsOf(res), "\n") != strings.Join(want, "\n") {
		t.Fatalf("imported %d, rejects %q, want 3 and %q", res.Imported, rejectsOf(res), want)
	}
	got := storedTickets(t, db)
	c := got["SUP-1"]
	checkHistory(t, db, c, "status:new@02-03 09:50", "assign:Olga Smirnova@02-03 10:15", "status:in_progress@02-03 10:45",
		"status:waiting@02-03 12:00", "status:in_progress@02-04 09:00", "status:resolved@02-04 16:00", "status:in_progress@02-06 10:00",
		"escalation:senior@02-06 11:00", "assign:Boris Klein@02-06 11:30", "status:closed@02-06 15:00")
	f := c.Facts
	if c.Source != importer.FormatJira || c.Subject != "Refund not received" || c.ClientName != "" || c.Priority != data.PriorityHigh ||
		c.Assignee != "Boris Klein" || !f.FirstResponseAt.Equal(utcAt(2025, 2, 3, 10, 45)) || !f.FirstResolvedAt.Equal(utcAt(2025, 2, 4, 16, 0)) ||
		!f.ResolvedAt.Equal(utcAt(2025, 2, 6, 15, 0)) || len(f.Reopens) != 1 || f.Escalations != 1 || f.Agents != 2 {
		t.Errorf("SUP-1: %+v", c)
	}
	// No "Issue created": opened at its first change, straight to Done.
	c = got["SUP-2"]
	checkHistory(t, db, c, "status:new@02-10 08:00", "status:closed@02-10 08:00")
	// The rejected move leaves SUP-3 as it was created.
	checkHistory(t, db, got["SUP-3"], "status:new@02-10 09:00", "assign:Olga Smirnova@02-10 09:40")
	if w := findWarning(t, res.Warnings, "import.warning.other_changes"); w.Args["Count"] != 2 {
		t.Errorf("other changes: %+v", w)
	}
	if w := findWarning(t, res.Warnings, "import.warning.change_log"); w.Args["Value"] != "toString" || w.Args["Date"] != "Created" ||
		w.Args["Opened"] != "Issue created" {
		t.Errorf("change log warning: %+v", w)
	}
}

// Zendesk's ticket audits flattened to TSV: the audit creating a ticket
// sets its status "new", "open" is an agent on it, "pending" waits for
// the client, "solved" resolves; a ticket deleted at last is no appeal.
func TestImportZendeskAudits(t *testing.T) {
	db := openStore(t)
	path := writeFile(t, "audits.tsv", []byte(
		"Ticket ID\tAudit ID\tAudit created at\tAuthor\tField name\tPrevious value\tValue\n"+
			"501\t9001\t2025-01-14T08:02:11Z\tMaria Lopez\tstatus\t\tnew\n"+
			"501\t9001\t2025-01-14T08:02:11Z\tMaria Lopez\tpriority\t\tnormal\n"+
			"501\t9002\t2025-01-14T08:30:00Z\tDmitry K.\tassignee\t\tDmitry K.\n"+
			"501\t9002\t2025-01-14T08:30:00Z\tDmitry K.\tstatus\tnew\topen\n"+
			"501\t9003\t2025-01-14T09:00:00Z\tDmitry K.\tstatus\topen\tpending\n"+
			"501\t9003\t2025-01-14T09:00:00Z\tDmitry K.\ttags\t\trefund\n"+
			"501\t9004\t2025-01-15T10:00:00Z\tDmitry K.\tstatus\tpending\tsolved\n"+
			"501\t9005\t2025-01-16T10:00:00Z\tMaria Lopez\tstatus\tsolved\topen\n"+
			"501\t9006\t2025-01-16T12:00:00Z\tDmitry K.\tpriority\tnormal\turgent\n"+
			"501\t9006\t2025-01-16T12:00:00Z\tDmitry K.\tstatus\topen\tsolved\n"+
			"501\t9007\t2025-01-20T12:00:00Z\tZendesk\tstatus\tsolved\tclosed\n"+
			"502\t9101\t2025-01-15T07:00:00Z\tspam bot\tstatus\t\tnew\n"+
			"502\t9102\t2025-01-15T07:10:00Z\tDmitry K.\tstatus\tnew\tdeleted\n"))
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 1 || res.Rejected != 0 || res.Skipped != 1 {
		t.Fatalf("imported %d rejected %d skipped %d: %q", res.Imported, res.Rejected, res.Skipped, rejectsOf(res))
	}
	c := storedTickets(t, db)["501"]
	checkHistory(t, db, c, "status:new@01-14 08:02", "assign:Dmitry K.@01-14 08:30", "status:in_progress@01-14 08:30",
		"status:waiting@01-14 09:00", "status:resolved@01-15 10:00", "status:in_progress@01-16 10:00", "status:resolved@01-16 12:00",
		"status:closed@01-20 12:00")
	f := c.Facts
	if c.Priority != data.PriorityCritical || !f.FirstResponseAt.Equal(utcAt(2025, 1, 14, 8, 30)) || !f.ResolvedAt.Equal(utcAt(2025, 1, 16, 12, 0)) ||
		len(f.Reopens) != 1 || len(f.Waiting) != 1 || c.ClientName != "" {
		t.Errorf("501: %+v", c)
	}
	findWarning(t, res.Warnings, "import.warning.opened_by_change")
}

// ServiceNow's sys_audit: documentkey is the incident's sys_id, states
// and priorities are numbers, assigned_to holds sys_ids (no name: no
// assignment, one warning), "escalation" raises the level, urgency only
// feeds the priority and is not read; state 8 cancels.
func TestImportServiceNowSysAudit(t *testing.T) {
	db := openStore(t)
	const inc1, inc2 = "9d385017c611228701d22104cc95c371", "46d44a5dc611227d01e1f9f8ba6b6bb1"
	rows := [][]string{
		{inc1, "incident_state", "", "1", "2025-04-01 09:00:00"},
		{inc1, "priority", "", "3", "2025-04-01 09:00:00"},
		{inc1, "assigned_to", "", "681ccaf9c0a8016400b98a06818d57c7", "2025-04-01 09:20:00"},
		{inc1, "incident_state", "1", "2", "2025-04-01 09:25:00"},
		{inc1, "urgency", "2", "1", "2025-04-01 10:00:00"},
		{inc1, "priority", "3", "1", "2025-04-01 10:00:00"},
		{inc1, "escalation", "0", "1", "2025-04-01 11:00:00"},
		{inc1, "incident_state", "2", "6", "2025-04-01 15:30:00"},
		{inc1, "incident_state", "6", "7", "2025-04-04 15:30:00"},
		{inc2, "incident_state", "", "1", "2025-04-02 13:00:00"},
		{inc2, "incident_state", "1", "42", "2025-04-02 13:10:00"},
		{inc2, "incident_state", "1", "8", "2025-04-02 14:00:00"},
	}
	var b strings.Builder
	b.WriteString("sys_id,tablename,documentkey,fieldname,oldvalue,newvalue,sys_created_on,sys_created_by,user,reason,record_checkpoint\n")
	for i, r := range rows {
		fmt.Fprintf(&b, "%032x,incident,%s,%s,%s,%s,%s,admin,admin,,%d\n", i+1, r[0], r[1], r[2], r[3], r[4], i)
	}
	path := writeFile(t, "sys_audit.csv", []byte(b.String()))
	res := importTickets(t, db, path, importer.Options{})
	want := []string{`sys_audit.csv:12 newvalue="42" import.reject.status`}
	if res.Imported != 2 || strings.Join(rejectsOf(res), "\n") != strings.Join(want, "\n") {
		t.Fatalf("imported %d, rejects %q, want 2 and %q", res.Imported, rejectsOf(res), want)
	}
	findWarning(t, res.Warnings, "import.warning.sys_ids")
	got := storedTickets(t, db)
	c := got[inc1]
	checkHistory(t, db, c, "status:new@04-01 09:00", "status:in_progress@04-01 09:25", "escalation:senior@04-01 11:00",
		"status:resolved@04-01 15:30", "status:closed@04-04 15:30")
	if c.Source != importer.FormatServiceNow || c.Priority != data.PriorityCritical || c.Assignee != "" || c.Level != data.LevelSenior ||
		!c.Facts.FirstResponseAt.Equal(utcAt(2025, 4, 1, 9, 25)) || !c.Facts.ResolvedAt.Equal(utcAt(2025, 4, 1, 15, 30)) {
		t.Errorf("incident 1: %+v", c)
	}
	c = got[inc2]
	checkHistory(t, db, c, "status:new@04-02 13:00", "status:closed(cancelled)@04-02 14:00")
	if !c.Facts.Withdrawn || !c.Facts.ResolvedAt.IsZero() {
		t.Errorf("incident 2: %+v", c.Facts)
	}
	if emps, _ := db.Employees(context.Background()); len(emps) != 0 {
		t.Errorf("employees %+v: neither sys_ids nor authors are people to file", emps)
	}
}

// A help desk's change history saved as XLSX: real Excel dates under a
// bare «Дата» (the change's, as no creation column is there), «Было» and
// «Стало». The support line going up twice and back down is three
// escalation events (two escalations, the highest level kept in the
// facts, the current one on the complaint); an assignee emptied is an
// unassignment.
func TestImportChangeHistoryXLSX(t *testing.T) {
	db := openStore(t)
	bk := newBook(t, "История")
	at := func(d, h, m int) time.Time { return time.Date(2025, 5, d, h, m, 0, 0, time.UTC) }
	bk.rows("История", "A1", map[int]string{1: "dd.mm.yyyy hh:mm"},
		[]any{"Номер обращения", "Дата", "Пользователь", "Изменённое поле", "Было", "Стало"},
		[]any{"T-1", at(5, 9, 55), "Администратор", "Ответственный", nil, "Кузнецова Е."},
		[]any{"T-1", at(5, 10, 0), "Кузнецова Е.", "Статус", "Новое", "В работе"},
		[]any{"T-1", at(5, 11, 0), "Кузнецова Е.", "Линия поддержки", "1 линия", "2 линия"},
		[]any{"T-1", at(5, 12, 0), "Кузнецова Е.", "Линия поддержки", "2 линия", "3 линия"},
		[]any{"T-1", at(5, 13, 0), "Кузнецова Е.", "Линия поддержки", "3 линия", "2 линия"},
		[]any{"T-1", at(6, 14, 0), "Кузнецова Е.", "Статус", "В работе", "Решено"},
		[]any{"T-1", at(6, 14, 0), "Кузнецова Е.", "Ответственный", "Кузнецова Е.", nil},
	)
	path := bk.save("history.xlsx")
	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !pv.EventLog || pv.NeedsFileDate || pv.Mapping[importer.FieldUpdatedAt] != "Дата" || pv.Mapping[importer.FieldOpened] != "" ||
		pv.Mapping[importer.FieldChangedField] != "Изменённое поле" || pv.Mapping[importer.FieldOldValue] != "Было" ||
		pv.Mapping[importer.FieldNewValue] != "Стало" || pv.Mapping[importer.FieldExternalID] != "Номер обращения" {
		t.Errorf("preview: event log %v needs a date %v mapping %v", pv.EventLog, pv.NeedsFileDate, pv.Mapping)
	}
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 1 || res.Rejected != 0 {
		t.Fatalf("imported %d rejected %d: %q", res.Imported, res.Rejected, rejectsOf(res))
	}
	c := storedTickets(t, db)["T-1"]
	checkHistory(t, db, c, "status:new@05-05 09:55", "assign:Кузнецова Е.@05-05 09:55", "status:in_progress@05-05 10:00",
		"escalation:senior@05-05 11:00", "escalation:manager@05-05 12:00", "escalation:senior@05-05 13:00", "status:resolved@05-06 14:00",
		"assign:@05-06 14:00")
	f := c.Facts
	if c.Level != data.LevelSenior || f.Level != data.LevelManager || f.Escalations != 2 || c.Assignee != "" || f.AssigneeID != 0 ||
		f.Agents != 1 || !f.FirstResponseAt.Equal(at(5, 10, 0)) || !f.ResolvedAt.Equal(at(6, 14, 0)) {
		t.Errorf("T-1: %+v", c)
	}
}
