package importer_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// Zendesk's API gives its tickets in an object beside the next page's
// address; nested objects (via, satisfaction_rating), tag lists, custom
// fields as a list of objects and nulls. The tickets are stored as the
// same export flattened to CSV would be, and again adds nothing.
func TestImportJSONZendeskAPI(t *testing.T) {
	page := `{"tickets":[
 {"id":35,"created_at":"2024-03-04T09:15:00Z","updated_at":"2024-03-05T11:45:00Z","type":"problem","subject":"Parcel arrived damaged",
  "priority":"urgent","status":"solved","requester_id":20978392,"assignee_id":235323,"via":{"channel":"email","source":{"from":{},"to":{}}},
  "satisfaction_rating":{"score":"bad"},"tags":["delivery","damaged"],"custom_fields":[{"id":360001,"value":"courier"}],"due_at":null},
 {"id":36,"created_at":"2024-03-05T10:00:00Z","updated_at":"2024-03-05T10:30:00Z","type":"question","subject":"Где мой заказ?",
  "priority":"normal","status":"open","requester_id":20978393,"assignee_id":null,"via":{"channel":"web"},
  "satisfaction_rating":{"score":"unoffered"},"tags":[],"custom_fields":[],"due_at":null}
],"next_page":null,"previous_page":null,"count":2}`
	db := openStore(t)
	path := writeFile(t, "tickets.json", []byte(page))
	res := importTickets(t, db, path, importer.Options{RejectsPath: "-"})
	got := storedTickets(t, db)
	if res.Imported != 2 || len(got) != 2 {
		t.Fatalf("imported %d, stored %d: %+v", res.Imported, len(got), res.Rejects)
	}
	c := got["35"]
	if c.Status != data.StatusResolved || c.Priority != data.PriorityCritical || c.Channel != data.ChannelEmail ||
		c.Type != data.TypeComplaint || c.Verdict != data.VerdictNotSatisfied || !c.OpenedAt.Equal(time.Date(2024, 3, 4, 9, 15, 0, 0, time.UTC)) {
		t.Errorf("35: %+v", c)
	}
	if q := got["36"]; q.Subject != "Где мой заказ?" || q.Type != data.TypeQuestion || q.Status != data.StatusInProgress {
		t.Errorf("36: subject %q type %q status %q", q.Subject, q.Type, q.Status)
	}
	if again := importTickets(t, db, path, importer.Options{RejectsPath: "-"}); again.Imported != 0 {
		t.Errorf("again: %+v", again)
	}
}

// Zendesk's full export writes one ticket per line, here after a byte
// order mark; a key only a later record has is still a column, and a
// record with a bad date is rejected under its row (the header is row 1).
func TestImportJSONLines(t *testing.T) {
	lines := "\xEF\xBB\xBF" + `{"id":1,"created_at":"2024-03-04 09:15","status":"closed","subject":"A"}
{"id":2,"created_at":"not a date","status":"open","subject":"B"}
{"id":3,"created_at":"2024-03-06 11:00","status":"open","subject":"C","priority":"high"}
`
	db := openStore(t)
	path := writeFile(t, "export.json", []byte(lines))
	res, err := importer.ImportComplaints(context.Background(), db, path, importer.Options{Location: time.UTC}, nil)
	if err != nil || res.Imported != 2 || res.Rejected != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	if r := res.Rejects[0]; r.Row != 3 || r.Column != "created_at" || r.Value != "not a date" {
		t.Errorf("reject %+v", r)
	}
	rejects, err := os.ReadFile(importer.RejectsPath(path))
	if err != nil || !strings.Contains(string(rejects), "export.json,3,created_at,not a date,") {
		t.Errorf("rejects file (%v):\n%s", err, rejects)
	}
	if c := storedTickets(t, db)["3"]; c.Priority != data.PriorityHigh {
		t.Errorf("3: priority %q", c.Priority)
	}
}

// Survey answers as a plain array of objects.
func TestImportJSONFeedback(t *testing.T) {
	answers := `[
  {"submitted_at": "2024-03-01T10:00:00+03:00", "nps": 9, "comment": "Отлично", "channel": "app"},
  {"submitted_at": "2024-03-02T11:00:00+03:00", "nps": 3, "comment": "Долго ждал", "channel": "web"},
  {"submitted_at": "2024-03-03T12:00:00+03:00", "nps": 10, "comment": null, "channel": "app"}
]`
	db := openStore(t)
	res := importFile(t, db, writeFile(t, "answers.json", []byte(answers)), importer.Options{RejectsPath: "-"})
	if res.Imported != 3 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	got := byComment(t, db)
	if got["Долго ждал"].Score != 3 || got["Отлично"].Score != 9 {
		t.Errorf("answers %+v", got)
	}
}

// An API's person object ("person": {"name", "email"}, Delighted's):
// its name is the client, as "name" alone was before an object's name
// came to name such a column ("fields.status.name" is a status).
func TestImportJSONPersonObject(t *testing.T) {
	answers := `[
  {"id": "r1", "score": 9, "comment": "Great", "created_at": 1709287200, "person": {"id": "p1", "name": "Anna Lee", "email": "anna@x.com"}},
  {"id": "r2", "score": 3, "comment": "Slow", "created_at": 1709373600, "person": {"id": "p2", "name": "Bob Ray", "email": "bob@x.com"}}
]`
	db := openStore(t)
	if res := importFile(t, db, writeFile(t, "delighted.json", []byte(answers)), importer.Options{RejectsPath: "-"}); res.Imported != 2 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	if got := byComment(t, db); got["Great"].ClientName != "Anna Lee" || got["Slow"].ClientName != "Bob Ray" {
		t.Errorf("clients %q, %q", got["Great"].ClientName, got["Slow"].ClientName)
	}
}

// A spreadsheet's cells as its API gives them: rows as arrays under a
// first row of names, in an object beside the range (Google Sheets'
// values), a row cut before its last empty cells.
func TestImportJSONRows(t *testing.T) {
	sheet := `{"range": "Ответы!A1:C4", "majorDimension": "ROWS", "values": [
  ["Отметка времени", "Оценка", "Комментарий"],
  ["01.03.2024 10:00:00", "9", "Отлично"],
  ["02.03.2024 11:00:00", "3"],
  ["03.03.2024 12:00:00", 10, "Быстро"]
]}`
	db := openStore(t)
	res := importFile(t, db, writeFile(t, "values.json", []byte(sheet)), importer.Options{RejectsPath: "-"})
	if res.Imported != 3 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	if got := byComment(t, db); got["Быстро"].Score != 10 || got[""].Score != 3 {
		t.Errorf("answers %+v", got)
	}
}

// JSON that is cut short, or holds no records, is refused with what to
// do, and nothing is stored.
func TestJSONRefused(t *testing.T) {
	for name, c := range map[string]struct{ content, code string }{
		"cut.json":     {`[{"id":1,"created_at":"2024-03-04","status":"open"},{"id":2,"crea`, "import.error.damaged_json"},
		"numbers.json": {`[1, 2, 3]`, "import.error.json_no_records"},
		"mixed.json":   {`[["id","created_at"],{"id":1}]`, "import.error.json_no_records"},
	} {
		db := openStore(t)
		_, err := importer.ImportComplaints(context.Background(), db, writeFile(t, name, []byte(c.content)), importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
		var me *importer.MessageError
		if !errors.Is(err, importer.ErrOtherFormat) || !errors.As(err, &me) || me.Message.Code != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
		assertNoComplaints(t, db)
	}
}

// A CSV whose first header starts with a bracket and a number ("[1]
// Дата", as some survey tools number their questions) is read as the CSV
// it is: it was refused as JSON without records.
func TestBracketedCSVHeaderIsNoJSON(t *testing.T) {
	db := openStore(t)
	res := importFile(t, db, writeFile(t, "answers.csv", []byte("[1] Дата,Оценка,Комментарий\n2024-03-01,9,Хорошо\n")), importer.Options{RejectsPath: "-"})
	if res.Imported != 1 {
		t.Errorf("imported %d: %+v", res.Imported, res.Rejects)
	}
}

// The first thousand records give the columns their order; a key met
// only later is still a column (the pass past them decodes records at
// once).
func TestJSONKeyMetLate(t *testing.T) {
	var b strings.Builder
	for i := range 1005 {
		fmt.Fprintf(&b, `{"id":%d,"created_at":"2024-03-04 10:%02d","status":"open"`, i+1, i%60)
		if i == 1002 {
			b.WriteString(`,"priority":"urgent","via":{"channel":"phone"}`)
		}
		b.WriteString("}\n")
	}
	db := openStore(t)
	res := importTickets(t, db, writeFile(t, "late.json", []byte(b.String())), importer.Options{RejectsPath: "-"})
	if res.Imported != 1005 {
		t.Fatalf("imported %d", res.Imported)
	}
	if c := storedTickets(t, db)["1003"]; c.Priority != data.PriorityCritical || c.Channel != data.ChannelPhone {
		t.Errorf("1003: priority %q channel %q", c.Priority, c.Channel)
	}
}
