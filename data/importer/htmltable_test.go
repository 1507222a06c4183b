package importer_test

import (
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"caredesk/data"
	"caredesk/data/importer"
)

// Bitrix24, Jira and other web apps save their lists as an HTML table
// under the name ".xls": it is read as the table it holds. Bitrix24's
// UTF-8 page with a byte order mark; Jira's page with a small table of the
// query above the issues (the larger table is the one read), a cell
// spanning two columns and line breaks inside cells; a page cut off
// before its table (and its cells) close; a row without its last
// cells; a page in windows-1251 that
// says so in its <meta>. Each imports into a real
// store, and again adds nothing.
func TestHTMLTablesSavedAsXLS(t *testing.T) {
	bitrix := "\xEF\xBB\xBF\r\n  <html><head><meta http-equiv=\"Content-type\" content=\"text/html;charset=utf-8\" /></head><body>" +
		"<table border=\"1\"><tr><th>ID</th><th>Название</th><th>Статус</th><th>Дата создания</th><th>Ответственный</th></tr>" +
		"<tr><td>17</td><td>Курьер опоздал</td><td>Закрыта</td><td>05.11.2026 10:00:00</td><td>Анна Петрова</td></tr>" +
		"<tr><td>18</td><td>Возврат &laquo;не пришёл&raquo;</td><td>В работе</td><td>06.11.2026 11:30:00</td><td></td></tr></table></body></html>"
	jira := "<html><body><table><tr><td colspan=\"2\">Query: project = SUP</td></tr><tr><td>Displaying 3 issues</td><td></td></tr></table>" +
		"<table id=\"issuetable\"><tr><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Created</th><th>Resolved</th></tr>" +
		"<tr><td>SUP-1</td><td>Parcel<br/>late</td><td>Done</td><td>High</td><td>05/Nov/26 10:00 AM</td><td>05/Nov/26 1:00 PM</td></tr>" +
		"<tr><td>SUP-2</td><td colspan=\"2\">Refund missing</td><td>Low</td><td>06/Nov/26 11:30 AM</td><td></td></tr>" +
		"<tr><td>SUP-3</td><td>App crash</td><td>In Progress</td><td>Medium</td><td>07/Nov/26 9:00 AM</td><td></td></tr></table></body></html>"
	cp1251, err := charmap.Windows1251.NewEncoder().String("<html><head><meta charset=\"windows-1251\"></head><body><table>" +
		"<tr><th>Номер</th><th>Тема</th><th>Статус</th><th>Дата</th></tr><tr><td>1</td><td>Курьер</td><td>Открыта</td><td>05.11.2026 10:00</td></tr></table></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		page  []byte
		check func(t *testing.T, got map[string]data.Complaint)
	}{
		{"DEAL_20261120.xls", []byte(bitrix), func(t *testing.T, got map[string]data.Complaint) {
			if c := got["17"]; c.Status != data.StatusClosed || c.Subject != "Курьер опоздал" || c.Assignee != "Анна Петрова" ||
				!c.OpenedAt.Equal(time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC)) {
				t.Errorf("17: %+v", c)
			}
			if c := got["18"]; c.Subject != "Возврат «не пришёл»" || c.Status != data.StatusInProgress {
				t.Errorf("18: subject %q status %q", c.Subject, c.Status)
			}
		}},
		{"Jira.xls", []byte(jira), func(t *testing.T, got map[string]data.Complaint) {
			if c := got["SUP-1"]; c.Subject != "Parcel late" || c.Priority != data.PriorityHigh || c.Facts.ResolvedAt.Sub(c.OpenedAt) != 3*time.Hour {
				t.Errorf("SUP-1: subject %q priority %q resolved after %v", c.Subject, c.Priority, c.Facts.ResolvedAt.Sub(c.OpenedAt))
			}
			if c := got["SUP-2"]; c.Subject != "Refund missing" || c.Priority != data.PriorityLow {
				t.Errorf("SUP-2 (a cell over two columns): subject %q priority %q", c.Subject, c.Priority)
			}
		}},
		// A page cut off before its table closes: the rows it holds.
		{"cut.xls", []byte("<table><tr><th>ID</th><th>Subject</th><th>Status</th><th>Created</th></tr><tr><td>A1<td>Late<td>Open<td>2026-11-05 10:00" +
			"<tr><td>A2<td>Broken<td>Closed<td>2026-11-06 11:00"), func(t *testing.T, got map[string]data.Complaint) {
			if len(got) != 2 || got["A2"].Status != data.StatusClosed || got["A1"].Subject != "Late" {
				t.Errorf("cut page: %d tickets, A1 %q, A2 %q", len(got), got["A1"].Subject, got["A2"].Status)
			}
		}},
		// A row whose last cells were left out, as a sheet's may be: they
		// are empty, not a row of the wrong width.
		{"short.xls", []byte("<table><tr><th>ID</th><th>Subject</th><th>Created</th><th>Status</th></tr><tr><td>B1</td><td>Late</td><td>2026-11-05 10:00</td><td>Closed</td></tr>" +
			"<tr><td>B2</td><td>Lost</td><td>2026-11-06 11:00</td></tr></table>"), func(t *testing.T, got map[string]data.Complaint) {
			if len(got) != 2 || got["B2"].Subject != "Lost" || got["B1"].Status != data.StatusClosed {
				t.Errorf("short row: %d tickets, B2 %q", len(got), got["B2"].Subject)
			}
		}},
		{"tickets_1251.xls", []byte(cp1251), func(t *testing.T, got map[string]data.Complaint) {
			if c := got["1"]; c.Subject != "Курьер" {
				t.Errorf("1: subject %q", c.Subject)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openStore(t)
			path := writeFile(t, tc.name, tc.page)
			res := importTickets(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
			got := storedTickets(t, db)
			if res.Imported != len(got) || res.Imported == 0 || res.Rejected != 0 {
				t.Fatalf("imported %d, stored %d, rejected %d: %+v", res.Imported, len(got), res.Rejected, res.Rejects)
			}
			tc.check(t, got)
			if again := importTickets(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}); again.Imported != 0 {
				t.Errorf("again: imported %d", again.Imported)
			}
		})
	}
	if _, err := importer.Inspect(writeFile(t, "deals.xls", []byte(bitrix)), importer.Options{}); err != nil {
		t.Errorf("inspect: %v", err)
	}
}
