package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"caredesk/data"
)

// parsedTickets is what the parsing layer makes of a file, without a
// store: the complaints in order, their rows and the rejects.
type parsedTickets struct {
	plan       *plan
	complaints []*data.Complaint
	rows       []int
	rejects    []Reject
}

func parseTickets(t *testing.T, path string, opt Options) parsedTickets {
	t.Helper()
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	p, err := prepare(path, opt, complaintSchema)
	if err != nil {
		t.Fatalf("prepare %s: %v", path, err)
	}
	src, err := p.open()
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	if _, err := skipHeader(src, p.skip, p.headerRows); err != nil {
		t.Fatal(err)
	}
	out := parsedTickets{plan: p}
	b := newComplaintBuilder(p, opt)
	b.rejected = func(row int, column, value string, why Message) {
		b.rejects++
		out.rejects = append(out.rejects, Reject{File: p.base, Row: row, Column: column, Value: value, Reason: why.Text, Code: why.Code})
	}
	ch := make(chan rowBatch[*data.Complaint], 4)
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		errc <- produceRows(context.Background(), src, rowParser[*data.Complaint]{base: &b.rowBase, parse: b.build, flush: b.flush}, opt.Strict, ch, make(chan struct{}))
	}()
	for bt := range ch {
		out.complaints = append(out.complaints, bt.items...)
		out.rows = append(out.rows, bt.rowNums...)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	return out
}

func (pt parsedTickets) byID(t *testing.T) map[string]*data.Complaint {
	t.Helper()
	m := map[string]*data.Complaint{}
	for _, c := range pt.complaints {
		if m[c.ExternalID] != nil {
			t.Errorf("ticket %s built twice", c.ExternalID)
		}
		m[c.ExternalID] = c
	}
	return m
}

func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		unit durationScale
		want time.Duration
		ok   bool
	}{
		{"01:30:00", unitHours, 90 * time.Minute, true},
		{"26:15:00", unitHours, 26*time.Hour + 15*time.Minute, true},
		{"1:45", unitHours, 105 * time.Minute, true},
		{"1,5", unitHours, 90 * time.Minute, true},
		{"2.25", unitHours, 135 * time.Minute, true},
		{"45", unitMinutes, 45 * time.Minute, true},
		{"1590", unitMinutes, 1590 * time.Minute, true},
		{"0", unitHours, 0, true},
		{"-3", unitHours, 0, false},
		{"1:5", unitHours, 0, false},
		{"1:60", unitHours, 0, false},
		{"soon", unitHours, 0, false},
		// An API's milliseconds read as hours: 410 years, which
		// overflowed into a time before the opening.
		{"3600000", unitHours, 0, false},
		{"3600000", unitMillis, time.Hour, true},
		{"31536000", unitSeconds, 365 * 24 * time.Hour, true},
	} {
		got, ok := parseDuration(c.in, c.unit)
		if got != c.want || ok != c.ok {
			t.Errorf("parseDuration(%q) = %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for header, want := range map[string]durationScale{
		"First reply time in minutes": unitMinutes, "Время решения, ч": unitHours, "Время реакции (мин)": unitMinutes,
		"Resolution time (in hrs)": unitHours, "Duration": unitHours,
		// A unit's word was missed: these were read as hours.
		"First Response Time (in secs)": unitSeconds, "Resolution Time (in mins)": unitMinutes, "talk_time_sec": unitSeconds,
		"wait_mins": unitMinutes, "Срок, суток": unitDays, "time_to_close_ms": unitMillis,
		"Reply time via MS Teams": unitHours, "Min reply time": unitHours, "Reply time (min)": unitMinutes,
	} {
		if got := durationUnit(header); got != want {
			t.Errorf("durationUnit(%q) = %v, want %v", header, got, want)
		}
	}
}

func TestParseTicketValues(t *testing.T) {
	statuses := map[string]data.Status{
		"new": data.StatusNew, "Open": data.StatusInProgress, "Pending": data.StatusWaiting, "hold": data.StatusInProgress,
		"Solved": data.StatusResolved, "Closed": data.StatusClosed, "Waiting on Customer": data.StatusWaiting,
		"Waiting on Third Party": data.StatusInProgress, "In Progress": data.StatusInProgress, "On Hold": data.StatusWaiting,
		"Canceled": data.StatusClosed, "Awaiting User Info": data.StatusWaiting, "Awaiting Vendor": data.StatusInProgress,
		"Active": data.StatusInProgress, "Closed with explanation": data.StatusClosed, "Closed with monetary relief": data.StatusClosed,
		"In progress": data.StatusInProgress, "Untimely response": data.StatusInProgress, "Закрыта": data.StatusClosed,
		"В работе": data.StatusInProgress, "Ожидает клиента": data.StatusWaiting, "Новая": data.StatusNew, "Решена": data.StatusResolved,
		"Требует уточнения": data.StatusWaiting, "Требуется уточнение": data.StatusWaiting, "Черновик": data.StatusNew,
		"In Process": data.StatusInProgress, "Customer Action": data.StatusWaiting, // SAP Service Cloud
		"Unassigned": data.StatusNew, "Triaged": data.StatusNew, "Needs Info": data.StatusWaiting, "More Info Required": data.StatusWaiting,
		"Customer Replied": data.StatusInProgress, "Deferred": data.StatusInProgress, "Scheduled": data.StatusInProgress,
		"Blocked": data.StatusInProgress, "Monitoring": data.StatusInProgress,
		"Draft": data.StatusNew, "Paused": data.StatusWaiting, "Suspended": data.StatusWaiting, "Request Info": data.StatusWaiting,
		"Approved": data.StatusInProgress, "Follow Up": data.StatusInProgress, "Callback Scheduled": data.StatusInProgress,
		"Updated": data.StatusInProgress, "Abandoned": data.StatusClosed, "Expired": data.StatusClosed, "Inactive": data.StatusClosed,
	}
	for in, want := range statuses {
		if got, ok := parseStatus(in); !ok || got != want {
			t.Errorf("parseStatus(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	checkRefused(t, "parseStatus", parseStatus, "-100", "Непонятно", "Opener")
	priorities := map[string]data.Priority{
		"Urgent": data.PriorityCritical, "High": data.PriorityHigh, "Normal": data.PriorityNormal, "Low": data.PriorityLow,
		"Medium": data.PriorityNormal, "1 - Critical": data.PriorityCritical, "2 - High": data.PriorityHigh,
		"3 - Moderate": data.PriorityNormal, "4 - Low": data.PriorityLow, "5 - Planning": data.PriorityLow,
		"Срочный": data.PriorityCritical, "Высокий": data.PriorityHigh, "Обычный": data.PriorityNormal, "Низкий": data.PriorityLow,
		"Авария": data.PriorityCritical, "Elevated": data.PriorityHigh, "Standard": data.PriorityNormal, "Routine": data.PriorityNormal,
	}
	for in, want := range priorities {
		if got, ok := parsePriority(in); !ok || got != want {
			t.Errorf("parsePriority(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := parsePriority("Whenever"); ok {
		t.Error("an unknown priority was accepted")
	}
	types := map[string]data.ComplaintType{
		"Problem": data.TypeComplaint, "Incident": data.TypeComplaint, "Question": data.TypeQuestion, "Task": data.TypeRequest,
		"Feature Request": data.TypeRequest, "Жалоба": data.TypeComplaint, "Благодарность": data.TypePraise,
		"Information": data.TypeQuestion, "How-to": data.TypeQuestion, "How to": data.TypeQuestion, "Change": data.TypeRequest,
		"Standard Change": data.TypeRequest,
	}
	for in, want := range types {
		if got, ok := parseType(in); !ok || got != want {
			t.Errorf("parseType(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	checkParsed(t, "parseAmount", parseAmount, map[string]int64{"1 500,00 руб.": 150000, "1234.5": 123450, "$12": 1200, "1,234.56": 123456, "500 ₽": 50000})
	for _, in := range []string{"много", "-5", "1/2"} {
		if _, ok := parseAmount(in); ok {
			t.Errorf("parseAmount(%q) accepted", in)
		}
	}
	if parseVerdict("Yes", true) != data.VerdictNotSatisfied || parseVerdict("No", true) != data.VerdictSatisfied ||
		parseVerdict("N/A", true) != data.VerdictUnknown || parseVerdict("Bad", false) != data.VerdictNotSatisfied ||
		parseVerdict("Good", false) != data.VerdictSatisfied || parseVerdict("Offered", false) != data.VerdictUnknown ||
		parseVerdict("Extremely Happy", false) != data.VerdictSatisfied || parseVerdict("Недоволен", false) != data.VerdictNotSatisfied ||
		parseVerdict("rated_good", false) != data.VerdictSatisfied || parseVerdict("Rated bad", false) != data.VerdictNotSatisfied ||
		parseVerdict("not_rated", false) != data.VerdictUnknown {
		t.Error("verdicts")
	}
}

// ev is a compact event for comparisons: "status:closed~" is an undated
// status move, "reply" a reply.
func evs(c *data.Complaint) []string {
	var out []string
	for _, e := range c.Events {
		s := string(e.Kind)
		if e.Kind == data.EventStatus {
			s += ":" + string(e.Status)
		}
		if e.Undated {
			s += "~"
		}
		out = append(out, s+"@"+e.At.UTC().Format("01-02 15:04"))
	}
	return out
}

func utc(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

type ticketWant struct {
	status   data.Status
	priority data.Priority
	typ      data.ComplaintType
	channel  data.Channel
	verdict  data.Verdict
	events   []string
	resolved time.Time // Facts.ResolvedAt
	reopens  int       // dated + undated
}

func checkTickets(t *testing.T, got map[string]*data.Complaint, want map[string]ticketWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d tickets, want %d", len(got), len(want))
	}
	for id, w := range want {
		c := got[id]
		if c == nil {
			t.Errorf("%s: missing", id)
			continue
		}
		f := data.DeriveFacts(c.Events)
		if f.Status != w.status || c.Priority != w.priority || c.Type != w.typ || c.Channel != w.channel || c.Verdict != w.verdict {
			t.Errorf("%s: status %q priority %q type %q channel %q verdict %q, want %+v", id, f.Status, c.Priority, c.Type, c.Channel, c.Verdict, w)
		}
		if g := evs(c); !slicesEqual(g, w.events) {
			t.Errorf("%s: events\n got %q\nwant %q", id, g, w.events)
		}
		if !f.ResolvedAt.Equal(w.resolved) || len(f.Reopens)+f.UndatedReopens != w.reopens {
			t.Errorf("%s: resolved %v reopens %d+%d, want %v %d", id, f.ResolvedAt, len(f.Reopens), f.UndatedReopens, w.resolved, w.reopens)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func checkRejects(t *testing.T, got []Reject, want []Reject) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("rejects %+v, want %+v", got, want)
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Row != w.Row || g.Column != w.Column || g.Code != w.Code || g.Value != w.Value || g.File == "" || g.Reason == "" {
			t.Errorf("reject %d: %+v, want row %d column %q value %q code %s", i, g, w.Row, w.Column, w.Value, w.Code)
		}
	}
}

func TestParseZendeskExport(t *testing.T) {
	pt := parseTickets(t, "testdata/zendesk_tickets.csv", Options{})
	if pt.plan.format != FormatZendesk {
		t.Fatalf("format %q", pt.plan.format)
	}
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"1001": {data.StatusClosed, data.PriorityCritical, data.TypeComplaint, data.ChannelEmail, data.VerdictNotSatisfied,
			[]string{"status:new@03-04 09:15", "reply@03-04 10:00", "status:resolved@03-05 11:45", "status:closed~@03-05 11:45"}, utc(2024, 3, 5, 11, 45), 0},
		"1002": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, data.ChannelWeb, data.VerdictSatisfied,
			[]string{"status:new@03-04 13:00", "reply@03-04 13:30", "status:resolved@03-04 15:00"}, utc(2024, 3, 4, 15, 0), 0},
		// Solved once, reopened, open now: the reopen has no time. Two
		// "Assignee stations": an agent before the one named, undated.
		"1003": {data.StatusInProgress, data.PriorityHigh, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@03-05 08:00", "assign~@03-05 08:00", "assign@03-05 08:00", "reply@03-05 08:15", "status:resolved@03-06 10:00", "status:in_progress~@03-06 10:00"}, time.Time{}, 1},
		"1004": {data.StatusWaiting, data.PriorityLow, data.TypeRequest, data.ChannelChat, data.VerdictUnknown,
			[]string{"status:new@03-06 10:30", "reply@03-06 10:50", "status:waiting~@03-06 10:50"}, time.Time{}, 0},
		// Two reopens before the final solve; no priority or type given.
		// "First resolution time in minutes" (300) dates the first
		// solving; the second stays undated.
		"1005": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, data.ChannelEmail, data.VerdictSatisfied,
			[]string{"status:new@03-06 12:00", "reply@03-06 13:00", "status:resolved@03-06 17:00", "status:in_progress~@03-06 17:00",
				"status:resolved~@03-06 17:00", "status:in_progress~@03-06 17:00", "status:resolved@03-09 16:00"}, utc(2024, 3, 9, 16, 0), 2},
		"1006": {data.StatusNew, data.PriorityNormal, data.TypeQuestion, data.ChannelWeb, data.VerdictUnknown,
			[]string{"status:new@03-07 09:00"}, time.Time{}, 0},
	})
	checkRejects(t, pt.rejects, []Reject{
		{Row: 8, Column: "Created at", Value: "yesterday", Code: string(reasonNotDate)},
		{Row: 9, Column: "Priority", Value: "Whenever", Code: string(reasonPriority)},
	})
	c := pt.byID(t)["1001"]
	if c.ClientName != "Anna Petrova" || c.Assignee != "Ivan Sidorov" || c.Subject != "Parcel arrived damaged" || c.Source != FormatZendesk {
		t.Errorf("1001 fields: %+v", c)
	}
}

func TestParseFreshdeskExport(t *testing.T) {
	pt := parseTickets(t, "testdata/freshdesk_tickets.csv", Options{})
	if pt.plan.format != FormatFreshdesk {
		t.Fatalf("format %q", pt.plan.format)
	}
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"501": {data.StatusClosed, data.PriorityHigh, data.TypeComplaint, data.ChannelEmail, data.VerdictSatisfied,
			[]string{"status:new@04-01 10:00", "reply@04-01 10:40", "status:resolved@04-01 16:30", "status:closed@04-03 09:00"}, utc(2024, 4, 1, 16, 30), 0},
		"502": {data.StatusInProgress, data.PriorityLow, data.TypeRequest, data.ChannelWeb, data.VerdictUnknown,
			[]string{"status:new@04-02 11:00", "status:in_progress~@04-02 11:00"}, time.Time{}, 0},
		"503": {data.StatusWaiting, data.PriorityCritical, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@04-02 12:00", "reply@04-02 12:05", "status:waiting~@04-02 12:05"}, time.Time{}, 0},
		"504": {data.StatusResolved, data.PriorityNormal, data.TypeQuestion, data.ChannelChat, data.VerdictNotSatisfied,
			[]string{"status:new@04-03 09:00", "reply@04-03 09:10", "status:resolved@04-03 09:30"}, utc(2024, 4, 3, 9, 30), 0},
	})
	checkRejects(t, pt.rejects, []Reject{{Row: 6, Column: "Resolved time", Value: "2024-04-03 09:30:00", Code: string(reasonBeforeOpened)}})
	if c := pt.byID(t)["501"]; c.ClientName != "Nina Volkova" || c.Assignee != "Elena Orlova" {
		t.Errorf("501: client %q assignee %q", c.ClientName, c.Assignee)
	}
	for _, f := range []Field{FieldFirstResponse, FieldResolutionTime} {
		if i, ok := pt.plan.mapping[f]; ok {
			t.Errorf("%s read from %q: Freshdesk counts it in business hours", f, pt.plan.cols[i].name)
		}
	}
}

func TestParseServiceNowExport(t *testing.T) {
	pt := parseTickets(t, "testdata/servicenow_incidents.csv", Options{})
	if pt.plan.format != FormatServiceNow {
		t.Fatalf("format %q", pt.plan.format)
	}
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"INC0010001": {data.StatusClosed, data.PriorityHigh, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			// No reply is dated: the work began at a time unknown, and the
			// resolution is no first response.
			[]string{"status:new@05-02 08:00", "status:in_progress~@05-02 08:00", "status:resolved@05-02 12:00", "status:closed@05-05 12:00"},
			utc(2024, 5, 2, 12, 0), 0},
		"INC0010002": {data.StatusInProgress, data.PriorityCritical, data.TypeComplaint, data.ChannelEmail, data.VerdictUnknown,
			[]string{"status:new@05-03 09:30", "status:in_progress~@05-03 09:30"}, time.Time{}, 0},
		// ServiceNow's "Self-service" is its portal, "Walk-in" a visit.
		"INC0010003": {data.StatusResolved, data.PriorityLow, data.TypeComplaint, data.ChannelWeb, data.VerdictUnknown,
			[]string{"status:new@05-03 11:00", "status:resolved~@05-03 11:00", "status:in_progress~@05-03 11:00", "status:resolved@05-06 15:00"}, utc(2024, 5, 6, 15, 0), 1},
		// Canceled, with no date: closed, and no resolution time.
		"INC0010004": {data.StatusClosed, data.PriorityLow, data.TypeComplaint, data.ChannelStore, data.VerdictUnknown,
			[]string{"status:new@05-04 14:00", "status:closed~@05-04 14:00"}, time.Time{}, 0},
		"INC0010005": {data.StatusWaiting, data.PriorityNormal, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@05-04 16:00", "status:waiting~@05-04 16:00"}, time.Time{}, 0},
	})
	checkRejects(t, pt.rejects, nil)
	c := pt.byID(t)["INC0010001"]
	if c.ClientName != "Abel Tuter" || c.Category != "Software" || c.Subcategory != "Email" || c.Resolution != "Reinstalled profile" ||
		c.Description != "Outlook stops syncing after the update" || c.Subject != "Email not syncing" {
		t.Errorf("INC0010001 fields: %+v", c)
	}
}

// The UCI ServiceNow event log: a row per update, unpadded d/m/yyyy HH:MM
// dates, "?" for missing values. The assignee is assigned at the first
// update that names one ("?" before it), not at the opening.
func TestParseServiceNowEventLog(t *testing.T) {
	pt := parseTickets(t, "testdata/servicenow_event_log.csv", Options{})
	if pt.plan.format != FormatServiceNow || pt.plan.order != DMY {
		t.Fatalf("format %q order %q", pt.plan.format, pt.plan.order)
	}
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"INC0000045": {data.StatusClosed, data.PriorityNormal, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@02-29 01:16", "assign@02-29 08:53", "status:resolved@02-29 08:53", "status:closed@03-05 12:00"}, time.Date(2016, 2, 29, 8, 53, 0, 0, time.UTC), 0},
		"INC0000047": {data.StatusResolved, data.PriorityNormal, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@02-29 04:40", "assign@02-29 05:39", "status:in_progress@02-29 06:10", "status:resolved@02-29 17:15", "status:in_progress@03-01 08:00",
				"status:waiting@03-01 08:30", "status:resolved@03-01 09:52"}, time.Date(2016, 3, 1, 9, 52, 0, 0, time.UTC), 1},
		"INC0000057": {data.StatusInProgress, data.PriorityCritical, data.TypeComplaint, data.ChannelEmail, data.VerdictUnknown,
			[]string{"status:new@03-13 14:05", "assign@03-14 09:00", "status:in_progress@03-14 09:00"}, time.Time{}, 0},
	})
	checkRejects(t, pt.rejects, []Reject{{Row: 12, Column: "incident_state", Value: "-100", Code: string(reasonStatus)}})
	if want := []int{2, 5, 11}; len(pt.rows) != 3 || pt.rows[0] != want[0] || pt.rows[1] != want[1] || pt.rows[2] != want[2] {
		t.Errorf("rows %v, want %v", pt.rows, want)
	}
	c := pt.byID(t)["INC0000047"]
	f := data.DeriveFacts(c.Events)
	if c.Assignee != "Resolver 31" || c.ClientName != "Caller 2403" || c.Category != "Category 40" ||
		!f.FirstResponseAt.Equal(time.Date(2016, 2, 29, 6, 10, 0, 0, time.UTC)) || len(f.Waiting) != 1 {
		t.Errorf("INC0000047: %+v facts %+v", c, f)
	}
	if c := pt.byID(t)["INC0000057"]; c.Assignee != "Resolver 12" {
		t.Errorf("INC0000057 assignee %q: the last row's value wins", c.Assignee)
	}
}

// A register kept by hand: Windows-1251, ';', Russian headers and values,
// unpadded d.m.yyyy H:MM dates.
func TestParseRussianRegister(t *testing.T) {
	pv, err := InspectComplaints("testdata/register_ru_cp1251.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Encoding != EncWindows1251 || pv.Delimiter != ';' || pv.Format != FormatGeneric || pv.EventLog {
		t.Errorf("preview: %s %q %s event log %v", pv.Encoding, pv.Delimiter, pv.Format, pv.EventLog)
	}
	for f, col := range map[Field]string{FieldExternalID: "№", FieldOpened: "Дата", FieldClient: "Клиент", FieldTier: "Категория клиента",
		FieldCategory: "Категория", FieldSubcategory: "Подкатегория", FieldPriority: "Приоритет", FieldStatus: "Статус", FieldType: "Тип",
		FieldDescription: "Описание", FieldAssignee: "Ответственный", FieldRespondedAt: "Дата первого ответа", FieldResolvedAt: "Дата решения",
		FieldChannel: "Канал", FieldCompensation: "Компенсация", FieldVerdict: "Оценка клиента"} {
		if pv.Mapping[f] != col {
			t.Errorf("%s mapped to %q, want %q", f, pv.Mapping[f], col)
		}
	}
	pt := parseTickets(t, "testdata/register_ru_cp1251.csv", Options{})
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"Ж-101": {data.StatusClosed, data.PriorityHigh, data.TypeComplaint, data.ChannelPhone, data.VerdictSatisfied,
			[]string{"status:new@06-03 09:05", "reply@06-03 10:20", "status:resolved@06-05 17:40", "status:closed~@06-05 17:40"}, utc(2024, 6, 5, 17, 40), 0},
		"Ж-102": {data.StatusInProgress, data.PriorityCritical, data.TypeComplaint, data.ChannelEmail, data.VerdictUnknown,
			[]string{"status:new@06-04 14:30", "reply@06-04 14:45", "status:in_progress~@06-04 14:45"}, time.Time{}, 0},
		"Ж-103": {data.StatusWaiting, data.PriorityNormal, data.TypeComplaint, data.ChannelChat, data.VerdictUnknown,
			[]string{"status:new@06-10 08:00", "status:waiting~@06-10 08:00"}, time.Time{}, 0},
		"Ж-104": {data.StatusResolved, data.PriorityLow, data.TypeQuestion, data.ChannelWeb, data.VerdictNotSatisfied,
			[]string{"status:new@06-11 16:10", "reply@06-11 16:30", "status:resolved@06-12 09:00"}, utc(2024, 6, 12, 9, 0), 0},
		"Ж-108": {data.StatusNew, data.PriorityNormal, data.TypePraise, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@06-14 15:00"}, time.Time{}, 0},
	})
	checkRejects(t, pt.rejects, []Reject{
		{Row: 6, Column: "Дата", Value: "31.6.2024 9:00", Code: string(reasonImpossibleDate)},
		{Row: 7, Column: "Дата решения", Value: "11.6.2024 9:00", Code: string(reasonBeforeOpened)},
		{Row: 8, Column: "Статус", Value: "Непонятно", Code: string(reasonStatus)},
	})
	// «много» is no amount but words: the complaint is kept, its amount
	// left empty and the words added to its resolution (it was rejected).
	if c := pt.byID(t)["Ж-108"]; c == nil || c.Compensation != 0 || c.Resolution != "Компенсация: много" {
		t.Errorf("Ж-108: %+v", c)
	}
	c := pt.byID(t)["Ж-101"]
	if c.ClientName != "ООО «Ромашка»" || c.ClientTier != "key" || c.Category != "Доставка" || c.Subcategory != "Опоздание" ||
		c.Compensation != 150000 || c.Assignee != "Смирнова Е." || !strings.HasPrefix(c.Source, "generic:") {
		t.Errorf("Ж-101 fields: %+v", c)
	}
}

func TestParseComplaintsXLSX(t *testing.T) {
	path := "testdata/complaints.xlsx"
	pv, err := InspectComplaints(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// One date typed as text, 03/07/2024, and no other to decide by.
	if pv.Sheet != "Complaints" || !pv.DateAmbiguous || pv.Mapping[FieldResolutionTime] != "Resolution time" || pv.Mapping[FieldResolvedAt] != "Resolved" {
		t.Errorf("preview: sheet %q ambiguous %v mapping %v", pv.Sheet, pv.DateAmbiguous, pv.Mapping)
	}
	pt := parseTickets(t, path, Options{DateOrder: DMY})
	checkTickets(t, pt.byID(t), map[string]ticketWant{
		"X-1": {data.StatusResolved, data.PriorityHigh, data.TypeComplaint, data.ChannelEmail, data.VerdictUnknown,
			[]string{"status:new@07-01 09:00", "status:in_progress~@07-01 09:00", "status:resolved@07-02 13:30"}, utc(2024, 7, 2, 13, 30), 0},
		// An Excel serial with a date format; 3,5 hours to resolve.
		"X-2": {data.StatusClosed, data.PriorityNormal, data.TypeComplaint, data.ChannelPhone, data.VerdictUnknown,
			[]string{"status:new@07-02 12:00", "status:in_progress~@07-02 12:00", "status:resolved@07-02 15:30", "status:closed~@07-02 15:30"},
			utc(2024, 7, 2, 15, 30), 0},
		"X-3": {data.StatusInProgress, data.PriorityNormal, data.TypeComplaint, data.ChannelChat, data.VerdictUnknown,
			[]string{"status:new@07-03 10:00", "status:in_progress~@07-03 10:00"}, time.Time{}, 0},
		"X-4": {data.StatusResolved, data.PriorityLow, data.TypeComplaint, data.ChannelWeb, data.VerdictUnknown,
			[]string{"status:new@07-04 11:00", "status:in_progress~@07-04 11:00", "status:resolved@07-04 12:45"}, utc(2024, 7, 4, 12, 45), 0},
	})
	checkRejects(t, pt.rejects, []Reject{{Row: 6, Column: "Resolution time", Value: "soon", Code: string(reasonDuration)}})
}

// Russian registers name their dates by the participle alone, in any
// gender ("Создан", "Решён", "Закрыт(а)"), or as "date and time of".
func TestRussianParticipleDateHeaders(t *testing.T) {
	for _, tc := range []struct{ opened, resolved, closed string }{
		{"Создан", "Решён", "Закрыт"},
		{"Создан(а)", "Решен", "Закрыт(а)"},
		{"Дата и время создания", "Дата и время решения", "Дата и время закрытия"},
		{"Зарегистрировано", "Решено", "Закрыто"},
		{"Поступила", "Решена", "Закрыта"},
		{"Время поступления", "Дата решения", "Дата закрытия"},
		{"Reported at", "Resolved", "Closed"},
		{"Logged Date", "Resolved", "Closed"},
	} {
		content := "Ключ;" + tc.opened + ";Статус;" + tc.resolved + ";" + tc.closed + "\n" +
			"SUP-1;03.02.2025 10:15;Закрыт;03.02.2025 12:00;04.02.2025 09:00\n"
		pv, err := InspectComplaints(tempFile(t, "tracker.csv", content), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for f, col := range map[Field]string{FieldOpened: tc.opened, FieldResolvedAt: tc.resolved, FieldClosedAt: tc.closed} {
			if pv.Mapping[f] != col {
				t.Errorf("%s mapped to %q, want %q", f, pv.Mapping[f], col)
			}
		}
	}
}

// tempFile writes content to a file named name in a test's temp folder.
func tempFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkParsed checks that parse reads each key of want as its value.
func checkParsed[T comparable](t *testing.T, name string, parse func(string) (T, bool), want map[string]T) {
	t.Helper()
	for in, w := range want {
		if got, ok := parse(in); !ok || got != w {
			t.Errorf("%s(%q) = %v %v, want %v", name, in, got, ok, w)
		}
	}
}

// checkRefused checks that parse refuses each of values.
func checkRefused[T any](t *testing.T, name string, parse func(string) (T, bool), values ...string) {
	t.Helper()
	for _, in := range values {
		if got, ok := parse(in); ok {
			t.Errorf("%s(%q) = %v, want refused", name, in, got)
		}
	}
}

// inHours reads a duration as a column whose bare numbers are hours does.
func inHours(s string) (time.Duration, bool) { return parseDuration(s, unitHours) }

func TestFirstListed(t *testing.T) {
	for in, want := range map[string]string{
		"[Ivan Petrov, Anna Lee]": "Ivan Petrov", "[Anna Lee]": "Anna Lee", "[]": "", `["Anna Lee"]`: "Anna Lee",
		"Anna Lee": "Anna Lee", "[Test] Acme [old]": "[Test] Acme [old]", "[BOT] Support": "[BOT] Support",
	} {
		if got := firstListed(in); got != want {
			t.Errorf("firstListed(%q) = %q, want %q", in, got, want)
		}
	}
}
