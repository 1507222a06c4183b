package importer

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"caredesk/data"
	"caredesk/data/sqlite"
)

// storedByID returns the stored complaints with their events, by
// external id.
func storedByID(t *testing.T, db *sqlite.DB) map[string]data.Complaint {
	t.Helper()
	list, err := db.ListComplaints(context.Background(), data.ComplaintFilter{}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.Complaint{}
	for _, c := range list {
		full, err := db.Complaint(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[full.ExternalID] = full
	}
	return out
}

// checkResolvedAt imports the one complaint of the file at path into a
// new store and checks when it was opened and resolved.
func checkResolvedAt(t *testing.T, name, path string, opened, resolved time.Time) {
	t.Helper()
	db := openXLSStore(t)
	res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil || res.Imported != 1 {
		t.Fatalf("%s: %+v, %v", name, res, err)
	}
	for _, c := range storedByID(t, db) {
		if f := data.DeriveFacts(c.Events); !c.OpenedAt.Equal(opened) || !f.ResolvedAt.Equal(resolved) {
			t.Errorf("%s: opened %v, resolved %v; want %v, %v", name, c.OpenedAt, f.ResolvedAt, opened, resolved)
		}
	}
}

func openXLSStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "caredesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A register saved by 1C as an Excel 97-2003 workbook: a title above the
// header, dates as date cells, a first response as an [h]:mm duration,
// one row whose date was typed wrong. The complaints are stored with
// their times, the bad row goes to the rejects file by row and column,
// and importing the file again adds nothing.
func TestImportXLSRegister(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Реестр обращений.xls")
	at := func(d, h, m int) time.Time { return time.Date(2024, 3, d, h, m, 0, 0, time.UTC) }
	writeXLS(t, path, 0,
		xlsTestSheet{name: "Сводка", rows: [][]any{{"Итого", xlsRK(3)}}},
		xlsTestSheet{name: "TDSheet", rows: [][]any{
			{"Реестр обращений клиентов за март 2024 г."},
			{},
			{"Номер", "Дата обращения", "Клиент", "Канал", "Категория", "Приоритет", "Статус", "Дата решения", "Время реакции"},
			{xlsPadded(17), xlsDate(at(4, 9, 15)), "ООО «Ромашка»", "Телефон", "Доставка", "Высокий", "Решено", xlsDate(at(4, 16, 40)), xlsElapsed(26 * time.Minute)},
			{xlsPadded(18), xlsDate(at(5, 11, 0)), "Иванов И. И.", "Эл. почта", "Качество", "Обычный", "В работе", nil, xlsElapsed(2*time.Hour + 5*time.Minute)},
			{xlsPadded(19), "31.02.2024", "Петров П.", "Чат", "Доставка", "Низкий", "Решено", xlsDate(at(6, 10, 0)), nil},
			{xlsPadded(20), xlsDate(at(6, 14, 45)), xlsFormula("АО «Вектор»"), "Чат", "Оплата", "Критический", "Закрыто", xlsDate(at(7, 9, 30)), xlsElapsed(3 * time.Minute)},
		}})
	db := openXLSStore(t)
	opt := Options{Location: time.UTC}
	res, err := ImportComplaints(context.Background(), db, path, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 3 || res.Rejected != 1 {
		t.Fatalf("imported %d, rejected %d; want 3 and 1", res.Imported, res.Rejected)
	}
	rejects, err := os.ReadFile(RejectsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	// The row is the sheet's (6), the column named.
	if r := string(rejects); !strings.Contains(r, "Реестр обращений.xls,6,Дата обращения,31.02.2024,") {
		t.Errorf("rejects:\n%s", r)
	}
	got := storedByID(t, db)
	c17, c18, c20 := got["00017"], got["00018"], got["00020"]
	if !c17.OpenedAt.Equal(at(4, 9, 15)) || c17.ClientName != "ООО «Ромашка»" || c17.Status != data.StatusResolved || c17.Priority != data.PriorityHigh {
		t.Errorf("00017: %+v", c17)
	}
	if f := data.DeriveFacts(c17.Events); !f.ResolvedAt.Equal(at(4, 16, 40)) || !f.FirstResponseAt.Equal(at(4, 9, 41)) {
		t.Errorf("00017 facts: %+v", f)
	}
	if f := data.DeriveFacts(c18.Events); c18.Status != data.StatusInProgress || !f.ResolvedAt.IsZero() || !f.FirstResponseAt.Equal(at(5, 13, 5)) {
		t.Errorf("00018: %v %+v", c18.Status, f)
	}
	if c20.ClientName != "АО «Вектор»" || c20.Priority != data.PriorityCritical {
		t.Errorf("00020: %+v", c20)
	}
	again, err := ImportComplaints(context.Background(), db, path, opt, nil)
	if err != nil || again.Imported != 0 {
		t.Errorf("second import: %+v, %v", again, err)
	}
}

// Survey answers in a workbook of two sheets: the answers are found on
// the sheet that holds them, not on the summary first in the book.
func TestImportXLSFeedback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nps.xls")
	rows := [][]any{{"Дата", "Оценка", "Комментарий"}}
	for i := range 40 {
		rows = append(rows, []any{xlsDay(time.Date(2024, 2, 1+i%28, 0, 0, 0, 0, time.UTC)), xlsRK(int32(i % 11)), "Ответ " + strings.Repeat("ж", i)})
	}
	writeXLS(t, path, 0,
		xlsTestSheet{name: "Итоги", rows: [][]any{{"NPS"}, {xlsNumFunc(12.5)}}},
		xlsTestSheet{name: "Ответы", rows: rows})
	db := openXLSStore(t)
	res, err := ImportFeedback(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 40 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d", res.Imported, res.Rejected)
	}
	list, err := db.ListFeedback(context.Background(), data.FeedbackFilter{}, data.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	scores := 0
	for _, f := range list {
		scores += int(f.Score)
		if f.RespondedAt.Year() != 2024 || f.RespondedAt.Month() != 2 {
			t.Errorf("answer dated %v", f.RespondedAt)
		}
	}
	if want := 3*55 + (0 + 1 + 2 + 3 + 4 + 5 + 6); scores != want {
		t.Errorf("scores add up to %d, want %d", scores, want)
	}
}

// Strings longer than a record, in Latin-1 and in UTF-16, go on in
// CONTINUE records, each part after a byte saying how wide it is.
func TestXLSSharedStringsAcrossRecords(t *testing.T) {
	long := strings.Repeat("Обращение по доставке; ", 20)
	latin := strings.Repeat("parcel late ", 30)
	path := filepath.Join(t.TempDir(), "long.xls")
	rows := [][]any{{"a", long, latin, "b"}, {latin + "x", long + "я"}}
	writeXLS(t, path, 97, xlsTestSheet{name: "S", rows: rows})
	b, err := readXLS(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := b.sheetRows(b.sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	got := sheet.rows
	want := []string{"a;" + long + ";" + latin + ";b", latin + "x;" + long + "я;;"}
	if g := flatten(got); strings.Join(g, "|") != strings.Join(want, "|") {
		t.Errorf("strings across records:\n got %q\nwant %q", g, want)
	}
}

// A compound file that is no readable Excel 5.0-2003 workbook is refused
// with a message saying what it is and what to do, and nothing is stored.
func TestXLSRefusals(t *testing.T) {
	dir := t.TempDir()
	sheet := xlsTestSheet{name: "Лист1", rows: [][]any{{"Дата", "Оценка"}, {xlsDay(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)), xlsRK(9)}}}
	good := xlsStream(t, 0, sheet)
	biff4 := bytes.Clone(good) // an older version than Excel 5.0's
	binary.LittleEndian.PutUint16(biff4[4:], 0x0400)
	// FILEPASS right after the BOF: the records that follow are encrypted.
	locked := append(append(bytes.Clone(good[:8]), 0x2F, 0, 2, 0, 1, 0), good[8:]...)
	whole := compoundFile("Workbook", good)
	cases := map[string]struct {
		content []byte
		code    string
	}{
		"cut.xls":     {whole[:len(whole)/2], errDamagedXLS},
		"records.xls": {compoundFile("Workbook", good[:len(good)-30]), errDamagedXLS},
		"excel4.xls":  {compoundFile("Book", biff4), errOldExcel},
		"letter.doc":  {compoundFile("WordDocument", good), errOldExcel},
		"locked.xls":  {compoundFile("Workbook", locked), errEncrypted},
	}
	for name, c := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, c.content, 0o644); err != nil {
			t.Fatal(err)
		}
		db := openXLSStore(t)
		_, err := ImportFeedback(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
		var me *MessageError
		if !errors.Is(err, ErrOtherFormat) || !errors.As(err, &me) || me.Message.Code != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
		if n, err := db.CountFeedback(context.Background(), data.FeedbackFilter{}); err != nil || n != 0 {
			t.Errorf("%s: %d answers stored (%v)", name, n, err)
		}
	}
	// A workbook of charts only has no sheet to read.
	path := filepath.Join(dir, "charts.xls")
	writeXLS(t, path, 0)
	if _, err := ImportFeedback(context.Background(), openXLSStore(t), path, Options{Location: time.UTC, RejectsPath: "-"}, nil); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("no sheets: %v", err)
	}
}

// A note typed far below the table leaves the rows between it and the
// table empty: they cost nothing and reject nothing.
func TestImportXLSStrayCellFarDown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stray.xls")
	rows := make([][]any, 60001)
	rows[0] = []any{"Дата", "Оценка", "Комментарий"}
	rows[1] = []any{xlsDay(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)), xlsRK(9), "Хорошо"}
	rows[2] = []any{xlsDay(time.Date(2024, 2, 2, 0, 0, 0, 0, time.UTC)), xlsRK(3), "Плохо"}
	rows[60000] = []any{nil, nil, nil, nil, "проверено"}
	writeXLS(t, path, 0, xlsTestSheet{name: "Ответы", rows: rows})
	res, err := ImportFeedback(context.Background(), openXLSStore(t), path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("imported %d: %v (%+v)", res.Imported, err, res.Rejects)
	}
}

// In an Excel 97-2003 register too, «Время решения» formatted h:mm is the
// time of day of «Дата решения», and formatted [h]:mm the time taken.
func TestImportXLSDatesApart(t *testing.T) {
	day := func(d int) xlsDay { return xlsDay(time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC)) }
	for name, c := range map[string]struct {
		took any
		want time.Time
	}{
		"clock.xls":   {xlsClock(11*time.Hour + 45*time.Minute), time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC)},
		"elapsed.xls": {xlsElapsed(2 * time.Hour), time.Date(2024, 3, 5, 11, 15, 0, 0, time.UTC)},
	} {
		resolved := day(6)
		if name == "elapsed.xls" {
			resolved = day(5)
		}
		path := filepath.Join(t.TempDir(), name)
		writeXLS(t, path, 0, xlsTestSheet{name: "Реестр", rows: [][]any{
			{"Номер", "Дата обращения", "Время обращения", "Дата решения", "Время решения"},
			{xlsRK(1), day(5), xlsClock(9*time.Hour + 15*time.Minute), resolved, c.took},
		}})
		checkResolvedAt(t, name, path, time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC), c.want)
	}
}

// A 1C report saved as .xls merges cells: «Номер» and «Клиент» over the
// two header rows, «Дата» over «обращения» and «решения», a client's
// name over the rows of its complaints. The columns are named from both
// header rows, and each complaint takes the client of its merged cell.
func TestImportXLSMergedCells(t *testing.T) {
	at := func(d, h int) xlsDate { return xlsDate(time.Date(2024, 3, d, h, 0, 0, 0, time.UTC)) }
	path := filepath.Join(t.TempDir(), "отчёт.xls")
	writeXLS(t, path, 0, xlsTestSheet{name: "TDSheet", rows: [][]any{
		{"Номер", "Клиент", "Дата", nil, "Статус"},
		{nil, nil, "обращения", "решения", nil},
		{xlsRK(1), "ООО «Ромашка»", at(4, 9), at(4, 15), "Решено"},
		{xlsRK(2), nil, at(5, 10), nil, "В работе"},
		{xlsRK(3), nil, at(6, 11), at(7, 12), "Закрыто"},
		{xlsRK(4), "ИП Петров", at(6, 12), nil, "Новое"},
	}, merges: []cellRange{{1, 1, 2, 1}, {1, 2, 2, 2}, {1, 3, 1, 4}, {1, 5, 2, 5}, {3, 2, 5, 2}}})
	db := openXLSStore(t)
	res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil || res.Imported != 4 || res.Rejected != 0 {
		t.Fatalf("%+v, %v", res, err)
	}
	got := storedByID(t, db)
	if r := data.DeriveFacts(got["3"].Events).ResolvedAt; !r.Equal(time.Time(at(7, 12))) {
		t.Errorf("3: resolved %v («Дата решения» from the grouped header)", r)
	}
	for id, want := range map[string]string{"1": "ООО «Ромашка»", "2": "ООО «Ромашка»", "3": "ООО «Ромашка»", "4": "ИП Петров"} {
		if got[id].ClientName != want {
			t.Errorf("%s: client %q, want %q", id, got[id].ClientName, want)
		}
	}
}

// The preview lists a workbook's sheets for the user to choose from, and
// reads the one chosen.
func TestInspectOffersSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.xls")
	writeXLS(t, path, 0,
		xlsTestSheet{name: "Итоги", rows: [][]any{{"NPS"}, {xlsNumFunc(12.5)}}},
		xlsTestSheet{name: "Ответы", rows: [][]any{{"Дата", "Оценка"}, {xlsDay(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)), xlsRK(9)}}})
	pv, err := Inspect(path, Options{Location: time.UTC})
	if err != nil || pv.Sheet != "Ответы" || strings.Join(pv.Sheets, ",") != "Ответы,Итоги" {
		t.Fatalf("preview: %v, sheet %q of %q", err, pv.Sheet, pv.Sheets)
	}
	pv, err = Inspect(path, Options{Location: time.UTC, Sheet: "Итоги"})
	if err != nil || pv.Sheet != "Итоги" || len(pv.Sheets) != 2 || pv.Columns[0] != "NPS" {
		t.Errorf("chosen sheet: %v, %q of %q, columns %q", err, pv.Sheet, pv.Sheets, pv.Columns)
	}
	if pv, err := Inspect(filepath.Join("testdata", "complaints.xlsx"), Options{Location: time.UTC}); err != nil || len(pv.Sheets) != 0 {
		t.Errorf("one sheet offers no choice: %v, %q", err, pv.Sheets)
	}
	// An XLSX lists its sheets in its own order.
	book := excelize.NewFile()
	book.SetSheetName("Sheet1", "Итоги")
	book.SetCellValue("Итоги", "A1", "NPS")
	book.NewSheet("Ответы")
	book.SetSheetRow("Ответы", "A1", &[]any{"Дата", "Оценка"})
	book.SetSheetRow("Ответы", "A2", &[]any{"2024-02-01", 9})
	xlsx := filepath.Join(t.TempDir(), "book.xlsx")
	if err := book.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	if pv, err := Inspect(xlsx, Options{Location: time.UTC}); err != nil || pv.Sheet != "Ответы" || strings.Join(pv.Sheets, ",") != "Итоги,Ответы" {
		t.Errorf("XLSX: %v, %q of %q", err, pv.Sheet, pv.Sheets)
	}
}

// 1C 7.7 and Excel 5.0/95 save BIFF5: text in the workbook's code page
// (windows-1251 here), no shared strings, a date under a custom format.
// The register imports as a BIFF8 one does.
func TestImportXLSExcel95(t *testing.T) {
	path := filepath.Join(t.TempDir(), "реестр_77.xls")
	writeXLS5(t, path, "Лист1", [][]any{
		{"Номер", "Дата обращения", "Клиент", "Статус"},
		{xlsRK(7), xlsDate(time.Date(2024, 3, 4, 9, 15, 0, 0, time.UTC)), "ООО «Ромашка»", "Решено"},
		{xlsRK(8), "05.03.2024 11:00", "ИП Петров", "В работе"},
	})
	b, err := readXLS(path)
	if err != nil || !b.biff5 || len(b.sheets) != 1 || b.sheets[0].name != "Лист1" {
		t.Fatalf("book: %v, %+v", err, b)
	}
	db := openXLSStore(t)
	res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("%+v, %v", res, err)
	}
	got := storedByID(t, db)
	if c := got["7"]; c.ClientName != "ООО «Ромашка»" || !c.OpenedAt.Equal(time.Date(2024, 3, 4, 9, 15, 0, 0, time.UTC)) || c.Status != data.StatusResolved {
		t.Errorf("7: %+v", c)
	}
	if c := got["8"]; c.ClientName != "ИП Петров" || c.Status != data.StatusInProgress {
		t.Errorf("8: %+v", c)
	}
}

// An import started without choosing (Ctrl+I on the dashboard) tells a
// workbook of tickets from one of survey answers, whatever its format.
func TestKindOfWorkbooks(t *testing.T) {
	dir := t.TempDir()
	tickets := filepath.Join(dir, "реестр.xls")
	writeXLS(t, tickets, 0, xlsTestSheet{name: "Обращения", rows: [][]any{
		{"Номер", "Дата обращения", "Клиент", "Статус", "Приоритет", "Категория"},
		{xlsRK(1), xlsDate(time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)), "ООО «Ромашка»", "Решено", "Высокий", "Доставка"},
	}})
	answers := filepath.Join(dir, "опрос.ods")
	writeODS(t, answers, map[string][][]any{"Ответы": {{"Дата", "Оценка", "Комментарий"}, {odsDate(time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)), 9.0, "Хорошо"}}}, "Ответы")
	if k := Kind(tickets, Options{}); k != KindComplaints {
		t.Errorf("tickets in XLS: %s", k)
	}
	if k := Kind(answers, Options{}); k != KindFeedback {
		t.Errorf("answers in ODS: %s", k)
	}
}
