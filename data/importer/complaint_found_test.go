package importer_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Exports found in public repositories, not seen by the importer before.

// Boston's 311 cases (data.boston.gov, the first rows of the 2022 file
// as qsv keeps them for its tests): "case_enquiry_id", "open_dt",
// "closed_dt" (its "target_dt" is a deadline), the "case_title" the
// subject (its "subject" is the department), "reason" and "type" the
// category and subcategory (a "Request for Pothole Repair" is no
// request type of appeal), the "closure_reason" the resolution; a case
// closed as a "Duplicate of Existing Case" is no appeal of its own. All
// of it went unread: the file was refused for want of a date.
func TestImportBoston311Cases(t *testing.T) {
	est := time.UTC // the set writes Boston's local time; the test reads it as given
	at := func(m time.Month, d, h, mi, s int) time.Time { return time.Date(2022, m, d, h, mi, s, 0, est) }
	open := func(ch data.Channel) ticketWant {
		return ticketWant{status: data.StatusInProgress, channel: ch, typ: data.TypeComplaint}
	}
	closed := func(ch data.Channel, resolved time.Time) ticketWant {
		return ticketWant{status: data.StatusClosed, channel: ch, typ: data.TypeComplaint, resolved: resolved}
	}
	want := map[string]publicTicket{
		"101004143000": {ticketWant: open(data.ChannelPhone), opened: at(1, 21, 13, 47, 0), category: "Employee & General Comments",
			subcategory: "General Comments For a Program or Policy", subject: "BTDT: Complaint"},
		"101004130437": {ticketWant: closed(data.ChannelPhone, at(1, 19, 11, 42, 16)), opened: at(1, 19, 11, 18, 0), category: "Needle Program",
			subcategory: "Needle Pickup", subject: "Needle Pickup", resolution: "Case Closed. Closed date : Wed Jan 19 11:42:16 EST 2022 Resolved"},
		"101004155594": {ticketWant: open(data.ChannelPhone), category: "Administrative & General Requests", subcategory: "Misc. Snow Complaint",
			subject: "Misc. Snow Complaint"},
		"101004120108": {ticketWant: closed(data.ChannelWeb, at(1, 9, 6, 43, 6)), category: "Street Cleaning", subcategory: "CE Collection",
			subject: "CE Collection", resolution: "Case Closed."},
		"101004113298": {ticketWant: closed(data.ChannelPhone, at(1, 10, 8, 42, 23)), category: "Housing",
			subcategory: "Unsatisfactory Utilities - Electrical  Plumbing", subject: "SCHEDULED Unsatisfactory Utilities - Electrical  Plumbing",
			resolution: "Case Closed."},
		"101004113348": {ticketWant: closed(data.ChannelWeb, at(1, 1, 15, 10, 16)), category: "Code Enforcement",
			subcategory: "Improper Storage of Trash (Barrels)", subject: "Improper Storage of Trash (Barrels)", resolution: "Case Closed."},
		"101004113363": {ticketWant: closed(data.ChannelWeb, at(3, 9, 7, 27, 41)), category: "Street Lights", subcategory: "Knockdown Replacement",
			subject: "PRINTED : FOR CONSTRUCTION CREW", resolution: "Case Closed."},
		"101004113385": {ticketWant: closed(data.ChannelWeb, at(1, 3, 0, 11, 40)), category: "Enforcement & Abandoned Vehicles",
			subcategory: "Parking Enforcement", subject: "Parking Enforcement", resolution: "Case Closed."},
		"101004113717": {ticketWant: closed(data.ChannelWeb, at(1, 4, 9, 30, 3)), category: "Highway Maintenance",
			subcategory: "Request for Pothole Repair", subject: "Request for Pothole Repair", resolution: "Case Closed."},
		"101004113747": {ticketWant: closed(data.ChannelWeb, at(1, 2, 11, 3, 10)), category: "Street Lights", subcategory: "Street Light Outages",
			subject: "Street Light Outages", resolution: "Case Closed."},
		"101004113751": {ticketWant: open(data.ChannelWeb), opened: at(1, 1, 23, 53, 44), category: "Graffiti", subcategory: "Graffiti Removal",
			subject: "Graffiti Removal"},
	}
	checkPublicSet(t, "boston311_cases.csv", importer.Options{}, want)
	_, res := importFixture(t, "boston311_cases.csv", importer.Options{}, len(want))
	if !containsWarning(res, "Duplicate of Existing Case") {
		t.Errorf("the duplicate case is not named as skipped: %+v", res.Warnings)
	}
}

// Jira's "CSV (all fields)" with its Resolution beside the status: a
// "Duplicate" is a copy of another issue and skipped as no appeal, as a
// duplicate flag is (it was imported as a closed complaint of its own);
// "Won't Do" and "Declined" close the issue and stay its resolution;
// "Unresolved" is no resolution.
func TestImportJiraResolutions(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, time.UTC) }
	got, res := importFixture(t, "jira_resolutions.csv", importer.Options{}, 5)
	for id, w := range map[string]struct {
		status     data.Status
		resolution string
		resolved   time.Time
	}{
		"SUP-101": {data.StatusClosed, "Done", at(5, 16, 40)},
		"SUP-103": {data.StatusClosed, "Won't Do", at(6, 9, 0)},
		"SUP-104": {data.StatusClosed, "Declined", at(6, 9, 30)},
		"SUP-105": {data.StatusInProgress, "", time.Time{}},
		"SUP-106": {data.StatusResolved, "Fixed", at(8, 9, 30)},
	} {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if c.Status != w.status || c.Resolution != w.resolution || !c.Facts.ResolvedAt.Equal(w.resolved) {
			t.Errorf("%s: status %q resolution %q resolved %v, want %+v", id, c.Status, c.Resolution, c.Facts.ResolvedAt, w)
		}
	}
	for _, id := range []string{"SUP-102", "SUP-107"} {
		if _, ok := got[id]; ok {
			t.Errorf("%s, resolved as a duplicate, was imported", id)
		}
	}
	if !containsWarning(res, "Resolution: Duplicate") {
		t.Errorf("no warning names the duplicate: %+v", res.Warnings)
	}
}

// containsWarning reports whether a warning of res holds text.
func containsWarning(res importer.Result, text string) bool {
	for _, w := range res.Warnings {
		if strings.Contains(w.Text, text) {
			return true
		}
	}
	return false
}

// A city appeal bot's report (the Alatau district's Telegram bot writes
// it to XLSX; its columns and statuses as the bot's source names them):
// «Просрочные», its overdue appeals, was an unknown status and rejected
// the row; it is open past its deadline, in work. «Текст пояснения», the
// explanation given, is the resolution; «Одобрено» names the officials
// who approved it, no assignee.
func TestImportCityAppealBotReport(t *testing.T) {
	path := writeFile(t, "report.csv", []byte("№;ФИО;Номер телефона;Текст обращения;Категория;Тег;Дата обращения;Крайний срок рассмотрение;"+
		"Фото/Видео;Карта;Статус;Текст пояснения;Оценка;      Одобрено      \n"+
		"12;Иванов Иван;+77010000000;Не вывозят мусор третий день;ЖКХ;Вывоз мусора;2021-03-04 09:15:00.0;2021-03-11; ;https://maps.example/1; Выполнено;Мусор вывезен 05.03;Отлично;Петров П.\n"+
		"13;Смирнова Ольга;+77010000001;Яма на дороге;Дороги;Ямочный ремонт;2021-03-05 11:00:00.0;2021-03-12; ;https://maps.example/2;В процессе; ; ;Петров П.\n"+
		"14;Ли Вэй;+77010000002;Не горит фонарь;Освещение;Уличное освещение;2021-03-06 14:00:00.0;2021-03-13; ;https://maps.example/3;Просрочные; ; ;Сидоров С.\n"))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	if c := got["14"]; c.Status != data.StatusInProgress || c.Assignee != "" || c.Category != "Освещение" {
		t.Errorf("14: status %q assignee %q category %q", c.Status, c.Assignee, c.Category)
	}
	if c := got["12"]; c.Status != data.StatusResolved || c.Resolution != "Мусор вывезен 05.03" || c.ClientName != "Иванов Иван" ||
		!c.OpenedAt.Equal(time.Date(2021, 3, 4, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("12: %+v", c)
	}
}

// Dynamics 365's cases exported to Excel (saved as CSV): three hidden
// "(Do Not Modify)" columns, then the view's. Its "Status Reason" holds
// the status (no header said so: the file imported every case as new),
// "Problem Solved" and "Information Provided" resolve a case,
// "Researching" works on it, "Waiting for Details" waits, "Canceled"
// closes it unresolved and "Merged" is no appeal of its own; the case
// number is the id, not the record's GUID.
func TestImportDynamics365Cases(t *testing.T) {
	got := importHelpDesk(t, "dynamics365_cases.csv", importer.Options{}, map[string]ticketWant{
		"CAS-01001-Z4K8T1": {status: data.StatusResolved, priority: data.PriorityHigh, channel: data.ChannelEmail},
		"CAS-01002-B7M2Q9": {status: data.StatusInProgress, channel: data.ChannelPhone},
		"CAS-01003-C1X5R3": {status: data.StatusWaiting, priority: data.PriorityLow},
		"CAS-01005-E2Z7T4": {status: data.StatusResolved},
		"CAS-01006-E2Z7T5": {status: data.StatusInProgress},
		"CAS-01007-E2Z7T6": {status: data.StatusClosed},
	})
	if c := got["CAS-01001-Z4K8T1"]; c.ClientName != "Acme Ltd" || c.Assignee != "Anna Petrova" || c.Subject != "Charged twice" ||
		!c.OpenedAt.Equal(time.Date(2024, 3, 4, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("CAS-01001: %+v", c)
	}
	if c := got["CAS-01007-E2Z7T6"]; len(c.Facts.Resolutions) != 0 {
		t.Errorf("the canceled case was resolved: %+v", c.Facts)
	}
}

// Bugzilla's buglist as CSV ("Bug ID", "Opened", "Changed"): the bug
// number is the id (its bugs were numbered by a hash of their content),
// UNCONFIRMED and CONFIRMED are new, NEEDSINFO waits for the reporter
// (all three rejected the row as unknown), "---" is no resolution (it
// was stored as one), and DUPLICATE skips the copy. A bug nobody took
// is assigned to a placeholder address, "nobody@mozilla.org" on
// Mozilla's Bugzilla: no one (it was stored as an employee). Without "Opened"
// (the default columns) the last change is no opening: the file asks
// for one instead of dating each bug at its last change.
func TestImportBugzillaBuglist(t *testing.T) {
	got := importHelpDesk(t, "bugzilla_bugs.csv", importer.Options{}, map[string]ticketWant{
		"1002": {status: data.StatusNew},
		"1003": {status: data.StatusResolved},
		"1004": {status: data.StatusClosed},
		"1005": {status: data.StatusWaiting},
		"1006": {status: data.StatusNew},
		"1007": {status: data.StatusNew},
	})
	if c := got["1007"]; c.Assignee != "" || got["1005"].Assignee != "qa@example.org" {
		t.Errorf("1007: assigned to %q, want no one", c.Assignee)
	}
	if c := got["1002"]; c.Resolution != "" || !c.OpenedAt.Equal(time.Date(2016, 3, 5, 11, 0, 0, 0, time.UTC)) || c.Subject != "Menu is slow" {
		t.Errorf("1002: resolution %q opened %v subject %q", c.Resolution, c.OpenedAt, c.Subject)
	}
	if c := got["1004"]; c.Resolution != "WONTFIX" {
		t.Errorf("1004: resolution %q", c.Resolution)
	}
	path := writeFile(t, "bugs-default.csv", []byte(`"Bug ID","Product","Component","Assignee","Status","Resolution","Summary","Changed"`+"\n"+
		`1003,"Firefox","Bookmarks","dev@example.org","RESOLVED","FIXED","Bookmarks lost","2016-03-09 10:10:00"`+"\n"))
	if _, err := importer.ImportComplaints(context.Background(), openStore(t), path, importer.Options{}, nil); !errors.Is(err, importer.ErrNeedFileDate) {
		t.Errorf("default columns: %v, want the opening date asked for", err)
	}
}

// Trac's custom query as CSV (WordPress' core Trac): fields by their
// names, "time" the creation and "changetime" the last change (taken by
// its values as the opening when "time" is not exported); "accepted"
// and "reviewing" are in work (both rejected the row as unknown),
// "reopened" reopened once at least, an "enhancement" is a request.
func TestImportTracQuery(t *testing.T) {
	got := importHelpDesk(t, "trac_tickets.csv", importer.Options{}, map[string]ticketWant{
		"101": {status: data.StatusNew, typ: data.TypeComplaint},
		"102": {status: data.StatusInProgress},
		"103": {status: data.StatusInProgress, typ: data.TypeRequest, reopened: true},
		"104": {status: data.StatusClosed, priority: data.PriorityHigh},
		"105": {status: data.StatusInProgress, typ: data.TypeRequest},
		"106": {status: data.StatusInProgress, priority: data.PriorityLow},
	})
	if c := got["102"]; !c.OpenedAt.Equal(time.Date(2026, 5, 2, 9, 0, 0, 0, time.UTC)) || c.Assignee != "jane" {
		t.Errorf("102: opened %v (its creation, not its last change), assignee %q", c.OpenedAt, c.Assignee)
	}
	path := writeFile(t, "trac-default.csv", []byte("id,summary,status,owner,type,priority,severity,component,keywords,milestone,changetime\n"+
		"102,Plain bug,assigned,jane,defect (bug),normal,normal,Media,,7.2,2026-06-02T10:00:00Z\n"))
	if _, err := importer.ImportComplaints(context.Background(), openStore(t), path, importer.Options{}, nil); !errors.Is(err, importer.ErrNeedFileDate) {
		t.Errorf("without \"time\": %v, want the opening date asked for", err)
	}
}

// Linear's issue export (its 30-column header): rows end one cell short
// of the header, as Linear writes an empty last column (both such rows
// were rejected); "Backlog" and "Triage" are new, "No priority" is the
// normal one (each rejected its row); "Completed" dates the resolution
// and "Canceled" the closing of a canceled issue, which resolves
// nothing; a "Duplicate" is skipped.
func TestImportLinearIssues(t *testing.T) {
	at := func(d, h, m, s int) time.Time { return time.Date(2024, 5, d, h, m, s, 0, time.UTC) }
	got := importHelpDesk(t, "linear_issues.csv", importer.Options{}, map[string]ticketWant{
		"SUP-10": {status: data.StatusClosed, priority: data.PriorityHigh, resolved: at(23, 16, 6, 19)},
		"SUP-11": {status: data.StatusNew, priority: data.PriorityNormal},
		"SUP-12": {status: data.StatusNew, priority: data.PriorityNormal},
		"SUP-13": {status: data.StatusInProgress, priority: data.PriorityCritical},
		"SUP-15": {status: data.StatusClosed, priority: data.PriorityLow},
		"SUP-16": {status: data.StatusInProgress},
		"SUP-17": {status: data.StatusNew},
	})
	if c := got["SUP-10"]; c.Subject != "Refund not received" || c.Assignee != "anna@example.com" || !c.OpenedAt.Equal(at(14, 8, 53, 33)) {
		t.Errorf("SUP-10: %+v", c)
	}
	if c := got["SUP-15"]; len(c.Facts.Resolutions) != 0 {
		t.Errorf("SUP-15, canceled, was resolved: %+v", c.Facts)
	}
}

// The BPI Challenge 2013's Volvo IT incidents (4TU; ";", a row per
// change): "Change Date+Time" dates each step (it was taken as the
// opening of every row, and the steps were left undated), the "Sub
// Status" says what the "Status" sums up ("Queued" rejected its row, and
// a "Completed" case never reached Closed), and each step's "Owner First
// Name" is who had the case then: a reassignment when it changes. Case
// 1-364285768 is the log's first, its steps as published (some left out,
// the columns not read filled in); 1-734873980 follows the published
// order of its states with times made up; "Unmatched" is a step of no
// known state (its row was rejected): the case's state stays.
func TestImportBPIC13Incidents(t *testing.T) {
	db := openStore(t)
	res := importTickets(t, db, copyFixture(t, "bpic13_incidents.csv"), importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejects %+v", res.Imported, res.Rejects)
	}
	cet := time.FixedZone("", 3600)
	at := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, cet) }
	got := storedTickets(t, db)
	c := got["1-364285768"]
	if c.Status != data.StatusClosed || !c.OpenedAt.Equal(at(2010, 3, 31, 15, 59, 42)) || c.Category != "PROD582" ||
		!c.Facts.ResolvedAt.Equal(at(2012, 5, 3, 10, 10, 12)) || c.Facts.Agents != 4 {
		t.Errorf("1-364285768: status %q opened %v category %q resolved %v agents %d", c.Status, c.OpenedAt, c.Category, c.Facts.ResolvedAt, c.Facts.Agents)
	}
	var owners []string
	for _, e := range c.Events {
		if e.Kind == data.EventAssign {
			owners = append(owners, e.At.In(cet).Format("2006-01-02 15:04"))
		}
	}
	if want := "2010-03-31 15:59 2010-04-06 15:44 2012-04-11 16:11 2012-05-03 10:10"; strings.Join(owners, " ") != want {
		t.Errorf("reassignments at %v, want %s", owners, want)
	}
	if c := got["1-734873980"]; c.Status != data.StatusClosed || len(c.Facts.Reopens) != 1 || len(c.Facts.Waiting) != 1 ||
		!c.Facts.FirstResolvedAt.Equal(at(2012, 5, 2, 10, 0, 0)) || !c.Facts.ResolvedAt.Equal(at(2012, 5, 3, 12, 0, 0)) {
		t.Errorf("1-734873980: status %q reopens %v waiting %v resolved first %v, last %v", c.Status, c.Facts.Reopens, c.Facts.Waiting,
			c.Facts.FirstResolvedAt, c.Facts.ResolvedAt)
	}
}

// MantisBT's "CSV Export" (core/csv_api.php: its default columns under
// their English titles, ids zero-padded, dates in its short format, its
// enums' default names): "Date Submitted" is the opening (the file was
// refused for want of one), "confirmed" is new, "feedback" waits for the
// reporter, a "duplicate" resolution skips the copy, "open" is no
// resolution and priority "none" the normal one. Reopening an issue,
// MantisBT sets its status to "feedback" and its resolution to
// "reopened" (config_defaults_inc.php: $g_bug_reopen_status = FEEDBACK,
// $g_bug_reopen_resolution = REOPENED) until it is resolved again:
// 0000105 was reopened once at least (it counted none).
func TestImportMantisBTExport(t *testing.T) {
	got := importHelpDesk(t, "mantisbt_issues.csv", importer.Options{}, map[string]ticketWant{
		"0000101": {status: data.StatusResolved, priority: data.PriorityHigh},
		"0000102": {status: data.StatusNew},
		"0000103": {status: data.StatusInProgress, priority: data.PriorityNormal},
		"0000105": {status: data.StatusWaiting, priority: data.PriorityLow, reopened: true},
		"0000106": {status: data.StatusNew},
		"0000107": {status: data.StatusInProgress, priority: data.PriorityHigh},
		"0000108": {status: data.StatusClosed},
	})
	if c := got["0000101"]; !c.OpenedAt.Equal(time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)) || c.Assignee != "apetrova" || c.ClientName != "mlopez" ||
		c.Category != "Billing" || c.Resolution != "fixed" {
		t.Errorf("0000101: %+v", c)
	}
	if c := got["0000102"]; c.Resolution != "" {
		t.Errorf("0000102: resolution %q", c.Resolution)
	}
}
