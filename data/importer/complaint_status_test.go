package importer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// warningCodes lists the codes of messages, in order.
func warningCodes(ms []importer.Message) []string {
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	return codes
}

// findWarning returns the message with code, failing the test when there
// is none.
func findWarning(t *testing.T, ms []importer.Message, code string) importer.Message {
	t.Helper()
	for _, m := range ms {
		if m.Code == code {
			return m
		}
	}
	t.Fatalf("no %s among the warnings %v", code, warningCodes(ms))
	return importer.Message{}
}

// noteRows lists the rows the skipped-ticket notes name.
func noteRows(ms []importer.Message) []int {
	var rows []int
	for _, m := range ms {
		if m.Code == "import.warning.not_appeal" {
			rows = append(rows, m.Args["Row"].(int))
		}
	}
	return rows
}

// A plain register without a status column would store every ticket as
// new and swell the backlog: the preview and the result both say which
// fields are missing and which --map fixes it.
func TestTicketsWithoutStatusColumnWarn(t *testing.T) {
	cases := []struct {
		name, csv string
		mapping   map[importer.Field]string
		want      string // warning code; "" = no status or resolution warning
		mentions  string // in the English text
	}{
		{"no status, no dates", "Номер,Дата,Тема\n1,2024-03-04 10:00,Доставка\n2,2024-03-05 11:00,Оплата\n", nil,
			"import.warning.no_status", "--map status=COLUMN"},
		{"no status, a closing date", "Номер,Дата,Тема,Дата закрытия\n1,2024-03-04 10:00,Доставка,2024-03-05 10:00\n2,2024-03-05 11:00,Оплата,\n", nil,
			"import.warning.no_status_dated", `"Дата закрытия"`},
		{"status says resolved, no time", "Id,Created,Stage of work\n1,2024-03-04 10:00,Resolved\n2,2024-03-05 11:00,Open\n",
			map[importer.Field]string{importer.FieldStatus: "Stage of work"}, "import.warning.no_resolution_time", "--map resolved_at=COLUMN"},
		{"status and a resolution time", "Id,Created,Stage of work,Hours to fix\n1,2024-03-04 10:00,Resolved,5\n2,2024-03-05 11:00,Open,\n",
			map[importer.Field]string{importer.FieldStatus: "Stage of work", importer.FieldResolutionTime: "Hours to fix"}, "", ""},
		{"only open statuses", "Номер,Дата,Статус\n1,2024-03-04 10:00,В работе\n2,2024-03-05 11:00,Новая\n", nil, "", ""},
	}
	statusCodes := []string{"import.warning.no_status", "import.warning.no_status_dated", "import.warning.no_resolution_time"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "register.csv", []byte(c.csv))
			opt := importer.Options{Location: time.UTC, Mapping: c.mapping}
			pv, err := importer.InspectComplaints(path, opt)
			if err != nil {
				t.Fatal(err)
			}
			db := openStore(t)
			res := importTickets(t, db, path, opt)
			if res.Imported != 2 {
				t.Fatalf("imported %d, want 2", res.Imported)
			}
			for _, ms := range [][]importer.Message{pv.Warnings, res.Warnings} {
				if c.want == "" {
					for _, code := range warningCodes(ms) {
						if slices.Contains(statusCodes, code) {
							t.Errorf("unexpected warning %s", code)
						}
					}
					continue
				}
				if w := findWarning(t, ms, c.want); !strings.Contains(w.Text, c.mentions) {
					t.Errorf("%s says %q, want it to mention %s", c.want, w.Text, c.mentions)
				}
			}
		})
	}

	// What the first warning is about: both tickets stored as new.
	db := openStore(t)
	importTickets(t, db, writeFile(t, "plain.csv", []byte(cases[0].csv)), importer.Options{})
	for id, c := range storedTickets(t, db) {
		if c.Facts.Status != data.StatusNew {
			t.Errorf("ticket %s: status %s, want new", id, c.Facts.Status)
		}
	}
}

// The CFPB publishes no resolution date: its closed complaints are no
// reason to ask for one.
func TestCFPBHasNoResolutionTimeWarning(t *testing.T) {
	pv, err := importer.InspectComplaints(copyFixture(t, "cfpb_api.csv"), importer.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Format != importer.FormatCFPB || slices.Contains(warningCodes(pv.Warnings), "import.warning.no_resolution_time") {
		t.Errorf("format %s, warnings %v", pv.Format, warningCodes(pv.Warnings))
	}
}

// Tickets marked spam, deleted or merged are no client appeals: skipped
// and counted apart, each named by its row, never rejected as an unknown
// status nor stored.
func TestTicketsMarkedSpamDeletedOrMergedAreSkipped(t *testing.T) {
	csv := "Номер;Дата;Статус;Тема\n" +
		"1;2024-03-04 10:00;Решена;Доставка\n" +
		"2;2024-03-04 11:00;Спам;Выгодное предложение\n" +
		"3;2024-03-04 12:00;Удален;Тест\n" +
		"4;2024-03-05 10:00;Удалён;Тест 2\n" +
		"5;2024-03-05 11:00;Объединен;Повтор\n" +
		"6;2024-03-05 12:00;Объединено с #1;Повтор 2\n" +
		"7;2024-03-06 10:00;merged;Again\n" +
		"8;2024-03-06 11:00;Deleted;Test\n" +
		"9;2024-03-06 12:00;SPAM;Win a prize\n" +
		"10;2024-03-07 10:00;В работе;Возврат\n" +
		"11;2024-03-07 11:00;Парковка;Неизвестный статус\n"
	path := writeFile(t, "usedesk.csv", []byte(csv))
	db := openStore(t)
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 2 || res.Skipped != 8 || res.Rejected != 1 {
		t.Fatalf("imported %d, skipped %d, rejected %d; want 2, 8, 1", res.Imported, res.Skipped, res.Rejected)
	}
	if r := res.Rejects[0]; r.Row != 12 || r.Code != "import.reject.status" {
		t.Errorf("the unknown status stays a reject: %+v", r)
	}
	for _, w := range res.Warnings {
		if w.Code == "import.warning.not_appeal" && !strings.Contains(w.Text, fmt.Sprintf("%q", w.Args["Status"])) {
			t.Errorf("the note does not name the status: %q", w.Text)
		}
	}
	if rows := noteRows(res.Warnings); !slices.Equal(rows, []int{3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Errorf("notes name rows %v, want 3-10", rows)
	}
	got := storedTickets(t, db)
	if len(got) != 2 || got["1"].Facts.Status != data.StatusResolved || got["10"].Facts.Status != data.StatusInProgress {
		t.Errorf("stored: %v", got)
	}

	// Skips are no bad rows: a strict import goes through, and a second
	// import skips them again.
	strict := writeFile(t, "strict.csv", []byte(strings.Join(strings.Split(csv, "\n")[:11], "\n")+"\n"))
	db = openStore(t)
	res = importTickets(t, db, strict, importer.Options{Strict: true})
	if !res.Committed || res.Imported != 2 || res.Skipped != 8 {
		t.Errorf("strict: committed %v, imported %d, skipped %d", res.Committed, res.Imported, res.Skipped)
	}
	res = importTickets(t, db, strict, importer.Options{Strict: true})
	if res.Imported != 0 || res.Duplicates != 2 || res.Skipped != 8 {
		t.Errorf("re-import: imported %d, duplicates %d, skipped %d", res.Imported, res.Duplicates, res.Skipped)
	}
}

// A spam folder of thousands names its first rows and counts the rest.
func TestManySkippedTicketsAreCountedNotListed(t *testing.T) {
	var b strings.Builder
	b.WriteString("Id,Created,Status\n")
	for i := range 25 {
		fmt.Fprintf(&b, "%d,2024-03-04 10:%02d,spam\n", i+1, i)
	}
	fmt.Fprintf(&b, "26,2024-03-05 10:00,open\n")
	res := importTickets(t, openStore(t), writeFile(t, "spam.csv", []byte(b.String())), importer.Options{})
	codes := warningCodes(res.Warnings)
	notes := 0
	for _, c := range codes {
		if c == "import.warning.not_appeal" {
			notes++
		}
	}
	more := findWarning(t, res.Warnings, "import.warning.more_not_appeals")
	if res.Imported != 1 || res.Skipped != 25 || notes != 10 || more.Args["Count"] != 15 {
		t.Errorf("imported %d, skipped %d, %d notes, %v more; want 1, 25, 10, 15", res.Imported, res.Skipped, notes, more.Args["Count"])
	}
}

// In an event log the final state decides: a ticket moved to spam is
// skipped, one taken out of spam again is stored with its later states.
func TestEventLogTicketsEndingAsSpamAreSkipped(t *testing.T) {
	csv := "Number,Opened,Updated,State\n" +
		"A,2024-03-04 10:00,2024-03-04 10:00,New\n" +
		"A,2024-03-04 10:00,2024-03-04 10:30,Spam\n" +
		"B,2024-03-04 11:00,2024-03-04 11:00,Spam\n" +
		"B,2024-03-04 11:00,2024-03-04 12:00,In progress\n" +
		"B,2024-03-04 11:00,2024-03-05 09:00,Resolved\n" +
		"C,2024-03-04 12:00,2024-03-04 12:00,New\n" +
		"C,2024-03-04 12:00,2024-03-04 13:00,Merged\n"
	db := openStore(t)
	path := writeFile(t, "log.csv", []byte(csv))
	pv, err := importer.InspectComplaints(path, importer.Options{Location: time.UTC})
	if err != nil || !pv.EventLog {
		t.Fatalf("not read as an event log: %v", err)
	}
	res := importTickets(t, db, path, importer.Options{})
	if res.Imported != 1 || res.Skipped != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d, skipped %d, rejected %d; want 1, 2, 0: %v", res.Imported, res.Skipped, res.Rejected, res.Rejects)
	}
	if rows := noteRows(res.Warnings); !slices.Equal(rows, []int{2, 7}) {
		t.Errorf("notes name rows %v, want the first rows of A and C (2, 7)", rows)
	}
	b, ok := storedTickets(t, db)["B"]
	if !ok || b.Facts.Status != data.StatusResolved || !b.Facts.ResolvedAt.Equal(time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("B: %+v", b.Facts)
	}
}
