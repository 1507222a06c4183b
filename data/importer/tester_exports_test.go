package importer_test

import (
	"context"
	"errors"
	"fmt"
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

// Exports testers built as real tools write them, for the gaps they
// found in the importer.

// Typeform writes partial responses (the form left before the end) with
// an empty "Submit Date (UTC)": they are dated by their start, while a
// submitted response keeps its submit date.
func TestTypeformPartialResponsesDatedByStart(t *testing.T) {
	path := writeFile(t, "responses-partial.csv", []byte(lines(
		`#,"How likely are you to recommend us?",Why?,Start Date (UTC),Submit Date (UTC),Network ID`,
		"a1,9,done,2026-10-01 10:00:00,2026-10-01 10:04:00,n1",
		"a2,4,left early,2026-10-02 11:30:00,,n2",
		"a3,7,no dates,,,n3",
	)))
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 1 || res.Rejects[0].Row != 4 || res.Rejects[0].Column != "Submit Date (UTC)" ||
		res.Rejects[0].Code != "import.reject.date_missing" {
		t.Fatalf("imported %d rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for comment, at := range map[string]time.Time{"done": utc(2026, 10, 1, 10, 4, 0), "left early": utc(2026, 10, 2, 11, 30, 0)} {
		if fb := got[comment]; !fb.RespondedAt.Equal(at) {
			t.Errorf("%q dated %v, want %v", comment, fb.RespondedAt, at)
		}
	}
	if got["left early"].Score != data.Score(4) {
		t.Errorf("partial response score %d", got["left early"].Score)
	}
}

// The CSV and XLSX exports of one survey, downloaded side by side, each
// get their own rejects file: the second import must not overwrite the
// first one's report.
func TestRejectsOfCSVAndXLSXSideBySide(t *testing.T) {
	csvPath := writeFile(t, "nps.csv", []byte(lines("Date,Score", "2026-10-01,9", "2026-10-02,11")))
	xlsxPath := filepath.Join(filepath.Dir(csvPath), "nps.xlsx")
	made := writeWorkbook(t, "nps.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
		{"Date", "Score"}, {"2026-10-01", 9}, {"2026-10-03", "ten"},
	}}, nil)
	if err := os.Rename(made, xlsxPath); err != nil {
		t.Fatal(err)
	}
	db := openStore(t)
	fromCSV := importFile(t, db, csvPath, importer.Options{})
	fromXLSX := importFile(t, db, xlsxPath, importer.Options{})
	if want := strings.TrimSuffix(csvPath, ".csv") + ".rejects.csv"; fromCSV.RejectsFile != want {
		t.Errorf("CSV rejects in %q, want %q", fromCSV.RejectsFile, want)
	}
	if want := xlsxPath + ".rejects.csv"; fromXLSX.RejectsFile != want {
		t.Errorf("XLSX rejects in %q, want %q", fromXLSX.RejectsFile, want)
	}
	for path, value := range map[string]string{fromCSV.RejectsFile: "11", fromXLSX.RejectsFile: "ten"} {
		raw, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(raw), ","+value+",") {
			t.Errorf("%s: %q (%v), want the reject of %q", filepath.Base(path), raw, err, value)
		}
	}
}

// A workbook's date cells hold Excel serials: a rejected date or row
// shows the date Excel displays, not the number behind it.
func TestXLSXRejectsShowDatesNotSerials(t *testing.T) {
	survey := writeWorkbook(t, "nps.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
		{"Date", "Score", "Comment"},
		{45231.5, 9, "fine"},
		{10000.0, 8, "typed in 1927"},
		{45232.0, 7, "one cell too many", nil, "stray"},
	}}, map[string][]string{"Sheet1": {"A2", "A3", "A4"}})
	res := importFile(t, openStore(t), survey, importer.Options{RejectsPath: "-"})
	want := []string{"1927-05-18", "2023-11-02, 7, one cell too many, , stray"}
	if res.Imported != 1 || len(res.Rejects) != 2 || res.Rejects[0].Value != want[0] || res.Rejects[1].Value != want[1] {
		t.Fatalf("imported %d rejects %+v, want values %q", res.Imported, res.Rejects, want)
	}

	tickets := writeWorkbook(t, "tickets.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
		{"ID", "Opened", "Resolved", "Status"},
		{"T-1", 45231.5, 45230.25, "Resolved"},
		{"T-2", 45231.5, 45232.75, "Resolved"},
	}}, map[string][]string{"Sheet1": {"B2", "C2", "B3", "C3"}})
	res = importTickets(t, openStore(t), tickets, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || len(res.Rejects) != 1 || res.Rejects[0].Value != "2023-10-31 06:00" || res.Rejects[0].Code != "import.reject.before_opened" {
		t.Fatalf("imported %d rejects %+v", res.Imported, res.Rejects)
	}
}

// A response or a ticket dated more than a day after the import cannot
// have happened yet (a mistyped year, a 2099 placeholder): it is
// rejected with its cell, while a day ahead passes for a source in a
// zone ahead of ours.
func TestFarFutureDatesRejected(t *testing.T) {
	importedAt := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	importer.SetClock(t, importedAt)
	db := openStore(t)
	survey := writeFile(t, "future.csv", []byte(lines("Date,Score", "2026-11-28 11:00,9", "2026-11-28 13:00,8", "2099-01-01,7")))
	res := importFile(t, db, survey, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || len(res.Rejects) != 2 {
		t.Fatalf("imported %d rejects %+v", res.Imported, res.Rejects)
	}
	for i, want := range []importer.Reject{{Row: 3, Column: "Date", Value: "2026-11-28 13:00"}, {Row: 4, Column: "Date", Value: "2099-01-01"}} {
		if r := res.Rejects[i]; r.Row != want.Row || r.Column != want.Column || r.Value != want.Value || r.Code != "import.reject.future_date" {
			t.Errorf("reject %+v, want %+v", r, want)
		}
	}
	if !res.Batch.ImportedAt.Equal(importedAt) {
		t.Errorf("imported at %v, want %v", res.Batch.ImportedAt, importedAt)
	}

	tickets := writeFile(t, "future-tickets.csv", []byte(lines("ID,Opened,Status", "T-1,2026-11-20 09:00,New", "T-2,2062-11-20 09:00,New")))
	res = importTickets(t, db, tickets, importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || len(res.Rejects) != 1 || res.Rejects[0].Column != "Opened" || res.Rejects[0].Value != "2062-11-20 09:00" ||
		res.Rejects[0].Code != "import.reject.future_date" {
		t.Fatalf("tickets imported %d rejects %+v", res.Imported, res.Rejects)
	}
}

// A Salesforce report ends with one-cell lines (grand totals, copyright,
// confidentiality, who generated it): they are a footer, skipped with a
// warning, while a short row between data rows is still rejected.
func TestReportFooterLinesSkipped(t *testing.T) {
	header := `"Case Number","Subject","Status","Priority","Case Origin","Account Name","Date/Time Opened","Date/Time Closed"`
	footer := []string{"", `"Grand Totals (3 records)"`, "", `"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."`,
		`"Confidential Information - Do Not Distribute"`, `"Generated By:  Sam Owner  11/20/2026 9:14 AM"`, `"Acme Inc."`}
	path := writeFile(t, "report.csv", []byte(lines(append([]string{header,
		`"00001001","Invoice wrong","Closed","High","Email","Acme Inc","1/15/2024, 9:30 AM","1/16/2024, 2:15 PM"`,
		`"00001002","Install help"`,
		`"00001003","Crash","Working","High","Web","Acme Inc","2/1/2024, 12:00 AM",""`,
		`"00001004","Outage","New","High","Phone","Beta LLC","2/12/2024, 11:59 PM",""`,
	}, footer...)...)))
	res := importTickets(t, openStore(t), path, importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || len(res.Rejects) != 1 || res.Rejects[0].Row != 3 || res.Rejects[0].Code != "import.reject.field_count" {
		t.Fatalf("imported %d rejects %+v", res.Imported, res.Rejects)
	}
	w := findWarning(t, res.Warnings, "import.warning.footer_skipped")
	if w.Args["Row"] != 7 || !strings.HasPrefix(w.Args["Text"].(string), "Grand Totals (3 records) / Copyright") {
		t.Errorf("footer warning %+v", w)
	}

	book := writeWorkbook(t, "report.xlsx", []string{"Sheet1"}, map[string][][]any{"Sheet1": {
		{"Date", "Score", "Comment", "Channel"},
		{"2026-10-01", 9, "fine", "email"},
		{"2026-10-02", 6, "slow", "phone"},
		{"Grand Totals (2 records)"},
		{"Confidential Information - Do Not Distribute"},
	}}, nil)
	res = importFile(t, openStore(t), book, importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("workbook imported %d rejects %+v", res.Imported, res.Rejects)
	}
	findWarning(t, res.Warnings, "import.warning.footer_skipped")
}

// A cancelled or withdrawn ticket is closed without a resolution: no
// resolved event and no resolution time, which would shorten the
// resolution medians; it leaves the backlog when the source closed it,
// and counts as a cancellation, not among the period's resolutions.
func TestCancelledTicketsClosedWithoutResolution(t *testing.T) {
	db, got, _ := importAllTickets(t, "cancelled.csv", 5,
		"ID,Created at,Status,Solved at,Closed at",
		"T-1,2026-10-01 09:00,Closed,2026-10-03 09:00,2026-10-04 09:00",
		"T-2,2026-10-01 09:00,Canceled,2026-10-01 10:00,2026-10-01 10:00",
		"T-3,2026-10-01 09:00,Отменено,,2026-10-02 12:00",
		"T-4,2026-10-01 09:00,Withdrawn,,",
		"T-5,2026-10-01 09:00,Cancelled,,",
	)
	if c := got["T-1"]; !c.Facts.ResolvedAt.Equal(utc(2026, 10, 3, 9, 0, 0)) {
		t.Errorf("closed ticket resolved at %v", c.Facts.ResolvedAt)
	}
	closedAt := map[string]time.Time{"T-2": utc(2026, 10, 1, 10, 0, 0), "T-3": utc(2026, 10, 2, 12, 0, 0),
		"T-4": utc(2026, 10, 1, 9, 0, 0), "T-5": utc(2026, 10, 1, 9, 0, 0)}
	for id, at := range closedAt {
		c := got[id]
		if c.Status != data.StatusClosed || !c.Facts.ResolvedAt.IsZero() || !c.Facts.FirstResolvedAt.IsZero() || len(c.Facts.Resolutions) != 0 {
			t.Errorf("%s: status %q resolved %v first %v resolutions %v, want closed without a resolution", id, c.Status,
				c.Facts.ResolvedAt, c.Facts.FirstResolvedAt, c.Facts.Resolutions)
		}
		for _, e := range c.Events {
			if e.Status == data.StatusResolved || e.Status == data.StatusClosed && (!e.At.Equal(at) || !e.Cancelled) {
				t.Errorf("%s: event %s at %v (cancelled %v), want a cancellation at %v only", id, e.Status, e.At, e.Cancelled, at)
			}
		}
	}
	days, err := db.ComplaintDaily(context.Background(), data.ComplaintQuery{By: data.ComplaintsBy})
	if err != nil {
		t.Fatal(err)
	}
	var sum data.ComplaintDay
	for _, d := range days {
		sum.Opened += d.Opened
		sum.Resolutions += d.Resolutions
		sum.Cancellations += d.Cancellations
	}
	if sum.Opened != 5 || sum.Resolutions != 1 || sum.Cancellations != 4 {
		t.Errorf("opened %d, resolutions %d, cancellations %d; want 5, 1, 4", sum.Opened, sum.Resolutions, sum.Cancellations)
	}
}

// A source without a first response (no column, or an empty cell) leaves
// the first response unknown: the resolution date must not become it.
// A dated reply still is the first response.
func TestFirstResponseNotTakenFromResolution(t *testing.T) {
	_, got, _ := importAllTickets(t, "no-first-response.csv", 3,
		"ID,Created,Status,First response at,Resolved,Closed",
		"T-1,2026-10-01 09:00,Closed,,2026-10-02 09:00,2026-10-03 09:00",
		"T-2,2026-10-01 09:00,Closed,2026-10-01 09:30,2026-10-02 09:00,",
		"T-3,2026-10-01 09:00,Closed,,,2026-10-04 09:00",
	)
	for id, want := range map[string]time.Time{"T-1": {}, "T-2": utc(2026, 10, 1, 9, 30, 0), "T-3": {}} {
		if c := got[id]; !c.Facts.FirstResponseAt.Equal(want) {
			t.Errorf("%s: first response %v, want %v (resolved %v)", id, c.Facts.FirstResponseAt, want, c.Facts.ResolvedAt)
		}
	}
	if c := got["T-1"]; !c.Facts.ResolvedAt.Equal(utc(2026, 10, 2, 9, 0, 0)) {
		t.Errorf("T-1 resolved %v", c.Facts.ResolvedAt)
	}
}

// A web page with no table (a login page saved in place of the export)
// is refused with what to do instead of "no date column".
func TestHTMLPageWithoutTableRefused(t *testing.T) {
	page := "\xEF\xBB\xBF\r\n  <html><head><title>Вход</title></head><body><form><input name=\"login\"></form></body></html>"
	path := writeFile(t, "DEAL_20261120_5a8f.xls", []byte(page))
	_, err := importer.ImportComplaints(context.Background(), openStore(t), path, importer.Options{RejectsPath: "-"}, nil)
	var me *importer.MessageError
	if !errors.Is(err, importer.ErrHTMLPage) || !errors.As(err, &me) || me.Code != "import.error.html_page" {
		t.Fatalf("err = %v, want ErrHTMLPage with its key", err)
	}
	if _, err := importer.Inspect(path, importer.Options{}); !errors.Is(err, importer.ErrHTMLPage) {
		t.Errorf("inspect: %v", err)
	}
}

// ServiceNow exported without display values writes sys_ids for people:
// no employee or client is filed under one, and each column is warned
// of once.
func TestServiceNowSysIDsAreNoNames(t *testing.T) {
	_, got, res := importAllTickets(t, "incident.csv", 3,
		"number,opened_at,short_description,caller_id,state,assigned_to",
		"INC0010001,2026-10-01 09:00:00,Email down,5137153cc611227c000bbd1bd8cd2005,New,46d44a23a9fe19810012d100cca80666",
		"INC0010002,2026-10-01 10:00:00,VPN slow,Maria Lee,New,46D44A23A9FE19810012D100CCA80666",
		"INC0010003,2026-10-01 11:00:00,Printer,5137153cc611227c000bbd1bd8cd2005,New,Anna Petrova",
	)
	var warned []string
	for _, w := range res.Warnings {
		if w.Code == "import.warning.sys_ids" {
			warned = append(warned, w.Args["Column"].(string))
		}
	}
	if strings.Join(warned, ",") != "caller_id,assigned_to" {
		t.Errorf("sys_id warnings for %q, want caller_id and assigned_to once each", warned)
	}
	for id, want := range map[string][2]string{"INC0010001": {"", ""}, "INC0010002": {"Maria Lee", ""}, "INC0010003": {"", "Anna Petrova"}} {
		if c := got[id]; c.ClientName != want[0] || c.Assignee != want[1] {
			t.Errorf("%s: client %q assignee %q, want %q", id, c.ClientName, c.Assignee, want)
		}
	}
}

// Help Scout's "Type" column says how a conversation came in (email,
// chat, phone): such a value is the channel, while a real type still
// sets the type, and a channel column, when there is one, wins.
func TestHelpScoutTypeIsTheChannel(t *testing.T) {
	db, got, _ := importAllTickets(t, "helpscout.csv", 4,
		"Conversation ID,Subject,Status,Type,Customer Name,Created At",
		"2401001,Where is my order,active,email,Ann Buyer,2026-10-01T09:00:00Z",
		"2401002,Broken,active,chat,Ben Buyer,2026-10-01T10:00:00Z",
		"2401003,Call me,active,phone,Cid Buyer,2026-10-01T11:00:00Z",
		"2401004,Refund,active,Complaint,Dan Buyer,2026-10-01T12:00:00Z",
	)
	for id, want := range map[string]data.Channel{"2401001": data.ChannelEmail, "2401002": data.ChannelChat, "2401003": data.ChannelPhone, "2401004": ""} {
		if c := got[id]; c.Channel != want {
			t.Errorf("%s: channel %q, want %q", id, c.Channel, want)
		}
	}
	if c := got["2401004"]; c.Type != data.TypeComplaint {
		t.Errorf("type %q, want complaint", c.Type)
	}

	withChannel := writeFile(t, "typed.csv", []byte(lines("ID,Created,Type,Channel", "1,2026-10-01 09:00,email,Phone")))
	res := importTickets(t, db, withChannel, importer.Options{RejectsPath: "-"})
	if c := storedTickets(t, db)["1"]; res.Imported != 1 || c.Channel != data.ChannelPhone {
		t.Errorf("with a channel column: imported %d channel %q, want phone", res.Imported, c.Channel)
	}
}

// A workbook with several sheets: --sheet picks one (in any case, as
// Excel names them), no name keeps the default, and a name the workbook
// does not have is refused with the list of its sheets.
func TestSheetOption(t *testing.T) {
	path := writeWorkbook(t, "export.xlsx", []string{"Summary", "October", "November"}, map[string][][]any{
		"Summary":  {{"NPS"}, {42}},
		"October":  {{"Date", "Score"}, {"2026-10-01", 9}, {"2026-10-02", 8}, {"2026-10-03", 7}},
		"November": {{"Date", "Score"}, {"2026-11-01", 3}},
	}, nil)
	for sheet, want := range map[string]string{"": "October", "november": "November"} {
		pv, err := importer.Inspect(path, importer.Options{Sheet: sheet})
		if err != nil || pv.Sheet != want {
			t.Errorf("sheet %q: read %q (%v), want %q", sheet, pv.Sheet, err, want)
		}
	}
	res := importFile(t, openStore(t), path, importer.Options{Sheet: "November", RejectsPath: "-"})
	if res.Imported != 1 {
		t.Errorf("November: imported %d, want 1", res.Imported)
	}
	_, err := importer.ImportComplaints(context.Background(), openStore(t), path, importer.Options{Sheet: "Tickets"}, nil)
	var me *importer.MessageError
	if !errors.Is(err, importer.ErrUnknownSheet) || !errors.As(err, &me) || me.Args["Sheets"] != `"Summary", "October", "November"` {
		t.Errorf("unknown sheet: %v", err)
	}
}

// importAllTickets imports the CSV lines as a ticket export into a fresh
// store, fails t unless all want rows are imported, and returns the store,
// the tickets by external id and the result.
func importAllTickets(t *testing.T, name string, want int, csv ...string) (*sqlite.DB, map[string]data.Complaint, importer.Result) {
	t.Helper()
	db := openStore(t)
	res := importTickets(t, db, writeFile(t, name, []byte(lines(csv...))), importer.Options{RejectsPath: "-"})
	if res.Imported != want {
		t.Fatalf("imported %d, want %d; rejects %+v", res.Imported, want, res.Rejects)
	}
	return db, storedTickets(t, db), res
}

// A register numbered 1, 2, 3… each month: the numbers are no ids, or
// November's file would look like a copy of October's and add nothing.
// Re-importing a file still adds nothing (its rows' content), a number
// sign over real ids stays the id, and a user's explicit mapping wins.
func TestRowNumbersAreNoIDs(t *testing.T) {
	db := openStore(t)
	october := writeFile(t, "october.csv", []byte(lines("№ п/п;Дата обращения;Статус;Тема",
		"1;01.10.2026;Новое;Курьер опоздал", "2;02.10.2026;Новое;Не тот товар")))
	november := writeFile(t, "november.csv", []byte(lines("№ п/п;Дата обращения;Статус;Тема",
		"1;05.11.2026;Новое;Возврат не пришёл", "2;06.11.2026;Новое;Грубый оператор")))
	res := importTickets(t, db, october, importer.Options{RejectsPath: "-"})
	findWarning(t, res.Warnings, "import.warning.row_numbers")
	for _, f := range []string{november, october} {
		importTickets(t, db, f, importer.Options{RejectsPath: "-"})
	}
	if got := len(storedTickets(t, db)); got != 4 {
		t.Errorf("%d complaints after October, November and October again, want 4", got)
	}

	// Survey answers under "#": the same.
	answers := func(name string, day int) string {
		return writeFile(t, name, []byte(lines("#,Date,Score,Comment",
			fmt.Sprintf("1,2026-10-%02d,9,Fast", day), fmt.Sprintf("2,2026-10-%02d,4,Slow", day), fmt.Sprintf("3,2026-10-%02d,10,Great", day))))
	}
	for _, f := range []string{answers("week1.csv", 5), answers("week2.csv", 12)} {
		if res := importFile(t, db, f, importer.Options{RejectsPath: "-"}); res.Imported != 3 {
			t.Errorf("%s: imported %d, want 3", f, res.Imported)
		}
	}

	// Real ids under "#" (not 1, 2, 3…) stay the id: a second export with
	// a ticket's new status updates nothing twice.
	ids := writeFile(t, "ids.csv", []byte(lines("#;Дата обращения;Статус;Тема", "1041;01.10.2026;Новое;А", "1042;02.10.2026;Новое;Б")))
	if res := importTickets(t, db, ids, importer.Options{RejectsPath: "-"}); res.Imported != 2 || slices.Contains(warningCodes(res.Warnings), "import.warning.row_numbers") {
		t.Errorf("ids: imported %d, warnings %+v", res.Imported, res.Warnings)
	}
	stored := storedTickets(t, db)
	if _, ok := stored["1041"]; !ok {
		t.Error("the id 1041 was not kept")
	}
	// Mapped by the user, a counter is the id.
	mapped := writeFile(t, "mapped.csv", []byte(lines("№;Дата обращения;Статус;Тема", "1;03.10.2026;Новое;В", "2;04.10.2026;Новое;Г")))
	if res := importTickets(t, openStore(t), mapped, importer.Options{RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldExternalID: "№"}}); slices.Contains(warningCodes(res.Warnings), "import.warning.row_numbers") {
		t.Errorf("an explicit id mapping drew warnings %+v", res.Warnings)
	}
}

// A Qualtrics export keeps the designer's previews and generated tests
// beside the clients' answers: they are skipped with a warning naming
// the row, so that they count in no NPS. Both the text and the numeric
// export mark them.
func TestQualtricsPreviewsAndTestsSkipped(t *testing.T) {
	head := []string{
		"StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,DistributionChannel,UserLanguage,Q1,Q2",
		"Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,Distribution Channel,User Language,How likely are you to recommend us to a friend or colleague?,Why?",
		`"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""distributionChannel""}","{""ImportId"":""userLanguage""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"`,
	}
	for name, rows := range map[string][]string{
		"text.csv": {
			"2026-11-02 10:00:00,2026-11-02 10:01:00,Survey Preview,100,True,2026-11-02 10:01:01,R_prev1,preview,EN,0,testing",
			"2026-11-03 10:00:00,2026-11-03 10:01:00,IP Address,100,True,2026-11-03 10:01:01,R_real1,anonymous,EN,9,Good",
			"2026-11-03 11:00:00,2026-11-03 11:01:00,Survey Test,100,True,2026-11-03 11:01:01,R_test1,test,EN,3,",
			"2026-11-04 10:00:00,2026-11-04 10:01:00,IP Address,100,True,2026-11-04 10:01:01,R_real2,email,EN,6,Slow",
		},
		"numeric.csv": {
			"2026-11-02 10:00:00,2026-11-02 10:01:00,1,100,1,2026-11-02 10:01:01,R_prev1,preview,EN,0,testing",
			"2026-11-03 10:00:00,2026-11-03 10:01:00,0,100,1,2026-11-03 10:01:01,R_real1,anonymous,EN,9,Good",
			"2026-11-03 11:00:00,2026-11-03 11:01:00,2,100,1,2026-11-03 11:01:01,R_test1,test,EN,3,",
			"2026-11-04 10:00:00,2026-11-04 10:01:00,0,100,1,2026-11-04 10:01:01,R_real2,email,EN,6,Slow",
		},
	} {
		db := openStore(t)
		res := importFile(t, db, writeFile(t, name, []byte(lines(append(head, rows...)...))), importer.Options{RejectsPath: "-"})
		if res.Imported != 2 || res.Rejected != 0 {
			t.Errorf("%s: imported %d rejected %d, want the 2 clients' answers", name, res.Imported, res.Rejected)
		}
		if w := findWarning(t, res.Warnings, "import.warning.test_response"); w.Args["Row"] != 4 {
			t.Errorf("%s: first skipped row %v, want 4 (the first after three header rows)", name, w.Args["Row"])
		}
		list, err := db.ListFeedback(context.Background(), data.FeedbackFilter{}, data.Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range list {
			if f.ExternalID != "R_real1" && f.ExternalID != "R_real2" {
				t.Errorf("%s: stored %s", name, f.ExternalID)
			}
		}
	}
}
