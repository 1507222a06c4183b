package importer_test

import (
	"context"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// importBook imports a workbook of tickets into a fresh store, checks
// the counts and that a second import adds nothing, and returns the
// stored tickets and the result.
func importBook(t *testing.T, path string, opt importer.Options, imported, rejected int) (map[string]data.Complaint, importer.Result) {
	t.Helper()
	db := openStore(t)
	opt.RejectsPath = "-"
	res := importTickets(t, db, path, opt)
	if res.Imported != imported || res.Rejected != rejected {
		t.Fatalf("imported %d rejected %d, want %d and %d: %+v", res.Imported, res.Rejected, imported, rejected, res.Rejects)
	}
	got := storedTickets(t, db)
	if again := importTickets(t, db, path, opt); again.Imported != 0 {
		t.Errorf("re-import added %d", again.Imported)
	}
	if n, _ := db.CountComplaints(context.Background(), data.ComplaintFilter{}); n != imported {
		t.Errorf("%d complaints after re-import, want %d", n, imported)
	}
	return got, res
}

// A Russian register kept in Excel: «Номер» formatted 000000 (the cells
// hold 123, the sheet and the register's CSV show 000123), opening dates
// as dd.mm.yyyy hh:mm date-times or typed as text, «Время решения» the
// formula «Дата решения − Дата обращения» formatted [h]:mm (26:30 is
// 1.104 in the cell, not 1.1 hours nor a date in 1900), a totals row.
func TestXLSXMoreRegisterRU(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC))
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	b := newBook(t, "Реестр")
	const dt, dur = `dd.mm.yyyy\ hh:mm`, `[h]:mm`
	b.rows("Реестр", "A1", map[int]string{0: "000000", 1: dt, 5: dt, 6: dur},
		[]any{"Номер", "Дата обращения", "Клиент", "Категория", "Статус", "Дата решения", "Время решения"},
		[]any{123, time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC), "ООО «Ромашка»", "Доставка", "Закрыто", time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC)},
		[]any{124, time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC), "ИП Иванов", "Качество", "В работе"},
		[]any{"000125", "06.03.2024 12:30", "ООО «Вектор»", "Оплата", "Решено", "06.03.2024 14:30"},
		[]any{1126, time.Date(2024, 3, 7, 8, 0, 0, 0, time.UTC), "ООО «Альфа»", "Доставка", "Закрыто", time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)},
	)
	b.formula("Реестр", "G2", "F2-B2", 26.5/24)
	b.formula("Реестр", "G4", "F4-B4", 2.0/24)
	b.format("Реестр", "G2", dur)
	b.format("Реестр", "G4", dur)
	b.rows("Реестр", "A7", nil, []any{"Итого"})
	b.formula("Реестр", "C7", "COUNTA(C2:C5)", 4)
	path := b.save("Реестр обращений 2024.xlsx")

	pv, err := importer.InspectComplaints(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldExternalID] != "Номер" || pv.Mapping[importer.FieldOpened] != "Дата обращения" || pv.Mapping[importer.FieldResolvedAt] != "Дата решения" {
		t.Fatalf("mapping %v", pv.Mapping)
	}
	got, res := importBook(t, path, importer.Options{Location: msk}, 3, 1)
	if r := res.Rejects[0]; r.Row != 5 || r.Column != "Дата решения" || r.Value != "2024-03-02 10:00" {
		t.Errorf("reject %+v, want row 5 «Дата решения» 2024-03-02 10:00", r)
	}
	checkCodes(t, "warnings", res.Warnings, []string{"import.warning.no_type", "import.warning.summary_skipped"})
	for id, w := range map[string]struct {
		opened, resolved time.Time
		status           data.Status
	}{
		"000123": {time.Date(2024, 3, 5, 9, 15, 0, 0, msk), time.Date(2024, 3, 6, 11, 45, 0, 0, msk), data.StatusClosed},
		"000124": {time.Date(2024, 3, 5, 11, 0, 0, 0, msk), time.Time{}, data.StatusInProgress},
		"000125": {time.Date(2024, 3, 6, 12, 30, 0, 0, msk), time.Date(2024, 3, 6, 14, 30, 0, 0, msk), data.StatusResolved},
	} {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s missing (stored %d)", id, len(got))
			continue
		}
		if !c.OpenedAt.Equal(w.opened) || !c.Facts.ResolvedAt.Equal(w.resolved) || c.Status != w.status {
			t.Errorf("%s: opened %v resolved %v status %q, want %+v", id, c.OpenedAt, c.Facts.ResolvedAt, c.Status, w)
		}
	}
}

// The resolution time alone, as the register's formula shows it: [h]:mm
// durations are read as the hours and minutes the sheet shows, h:mm ones
// under a day too.
func TestXLSXMoreDurations(t *testing.T) {
	importer.SetClock(t, time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC))
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", "A1", map[int]string{1: `dd.mm.yyyy\ hh:mm`, 4: `[h]:mm:ss`},
		[]any{"Номер", "Дата обращения", "Категория", "Статус", "Время решения"},
		[]any{"A-1", time.Date(2024, 3, 5, 9, 15, 0, 0, time.UTC), "Доставка", "Закрыто", 26.5 / 24},
		[]any{"A-2", time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC), "Качество", "Закрыто", 2.25 / 24},
		[]any{"A-3", time.Date(2024, 3, 6, 10, 0, 0, 0, time.UTC), "Оплата", "Закрыто", "3:15:00"},
	)
	got, _ := importBook(t, b.save("durations.xlsx"), importer.Options{Location: time.UTC}, 3, 0)
	for id, want := range map[string]time.Time{
		"A-1": time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC),
		"A-2": time.Date(2024, 3, 5, 13, 15, 0, 0, time.UTC),
		"A-3": time.Date(2024, 3, 6, 13, 15, 0, 0, time.UTC),
	} {
		if c := got[id]; !c.Facts.ResolvedAt.Equal(want) {
			t.Errorf("%s: resolved %v, want %v", id, c.Facts.ResolvedAt, want)
		}
	}
}

// NYC 311 requests downloaded as .xlsx: the unique key a number, the
// dates Excel date-times in the 12-hour "m/d/yyyy h:mm AM/PM" format.
func TestXLSXMoreNYC311(t *testing.T) {
	importer.SetClock(t, time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC))
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	b := newBook(t, "311_Service_Requests")
	b.rows("311_Service_Requests", "A1", map[int]string{1: `m/d/yyyy\ h:mm:ss\ AM/PM`, 2: `m/d/yyyy\ h:mm:ss\ AM/PM`},
		[]any{"Unique Key", "Created Date", "Closed Date", "Agency", "Agency Name", "Complaint Type", "Descriptor", "Status", "Resolution Description", "Open Data Channel Type"},
		[]any{45531135, time.Date(2020, 2, 2, 13, 55, 46, 0, time.UTC), time.Date(2020, 2, 2, 15, 47, 1, 0, time.UTC), "NYPD", "New York City Police Department",
			"Noise - Residential", "Loud Music/Party", "Closed", "The Police Department responded to the complaint and took action to fix the condition.", "ONLINE"},
		[]any{45533410, time.Date(2020, 2, 2, 10, 12, 3, 0, time.UTC), nil, "DOT", "Department of Transportation", "Street Condition", "Pothole", "Open", nil, "PHONE"},
		[]any{45527702, time.Date(2020, 1, 31, 0, 20, 11, 0, time.UTC), time.Date(2020, 1, 31, 12, 0, 0, 0, time.UTC), "DSNY", "Department of Sanitation",
			"Missed Collection (All Materials)", "1R Missed Recycling-All Materials", "Closed", "The Department of Sanitation picked up the missed collection.", "UNKNOWN"},
	)
	got, _ := importBook(t, b.save("311_Service_Requests.xlsx"), importer.Options{Location: ny}, 3, 0)
	for id, w := range map[string]struct {
		opened, resolved time.Time
		status           data.Status
		channel          data.Channel
	}{
		"45531135": {time.Date(2020, 2, 2, 13, 55, 46, 0, ny), time.Date(2020, 2, 2, 15, 47, 1, 0, ny), data.StatusClosed, data.ChannelWeb},
		"45533410": {time.Date(2020, 2, 2, 10, 12, 3, 0, ny), time.Time{}, data.StatusInProgress, data.ChannelPhone},
		"45527702": {time.Date(2020, 1, 31, 0, 20, 11, 0, ny), time.Date(2020, 1, 31, 12, 0, 0, 0, ny), data.StatusClosed, data.ChannelOther},
	} {
		c := got[id]
		if !c.OpenedAt.Equal(w.opened) || !c.Facts.ResolvedAt.Equal(w.resolved) || c.Status != w.status || c.Channel != w.channel {
			t.Errorf("%s: opened %v resolved %v status %q channel %q, want %+v", id, c.OpenedAt, c.Facts.ResolvedAt, c.Status, c.Channel, w)
		}
	}
}

// The Comcast register saved as .xlsx: "Date" an Excel date, "Time" its
// time of day as an Excel time (a fraction of a day) in its own column,
// once a whole date-time shown as its time only.
func TestXLSXMoreComcast(t *testing.T) {
	importer.SetClock(t, time.Date(2016, 1, 1, 9, 0, 0, 0, time.UTC))
	b := newBook(t, "Comcast_telecom_complaints_data")
	day := func(m time.Month, d int) time.Time { return time.Date(2015, m, d, 0, 0, 0, 0, time.UTC) }
	clock := func(h, m, s int) float64 { return float64(h*3600+m*60+s) / 86400 }
	b.rows("Comcast_telecom_complaints_data", "A1", map[int]string{2: "dd-mm-yy", 3: "dd-mmm-yy", 4: `h:mm:ss\ AM/PM`},
		[]any{"Ticket #", "Customer Complaint", "Date", "Date_month_year", "Time", "Received Via", "City", "State", "Zip code", "Status", "Filing on Behalf of Someone"},
		[]any{250635, "Comcast Cable Internet Speeds", day(4, 22), day(4, 22), clock(15, 53, 50), "Customer Care Call", "Abingdon", "Maryland", 21009, "Closed", "No"},
		[]any{223441, "Payment disappear - service got disconnected", day(8, 4), day(8, 4), clock(10, 22, 56), "Internet", "Acworth", "Georgia", 30102, "Closed", "No"},
		[]any{277946, "Comcast Imposed a New Usage Cap", day(7, 5), day(7, 5), time.Date(2015, 7, 5, 11, 59, 35, 0, time.UTC), "Internet", "Acworth", "Georgia", 30101, "Open", "Yes"},
	)
	got, _ := importBook(t, b.save("Comcast_telecom_complaints_data.xlsx"), importer.Options{Location: time.UTC}, 3, 0)
	for id, w := range map[string]time.Time{
		"250635": time.Date(2015, 4, 22, 15, 53, 50, 0, time.UTC),
		"223441": time.Date(2015, 8, 4, 10, 22, 56, 0, time.UTC),
		"277946": time.Date(2015, 7, 5, 11, 59, 35, 0, time.UTC),
	} {
		if c := got[id]; !c.OpenedAt.Equal(w) {
			t.Errorf("%s: opened %v, want %v", id, c.OpenedAt, w)
		}
	}
}

// A register in Excel with the dates and times apart: the opening's time
// of day in its own hh:mm column, the resolution's date alone with the
// time it took in an [h]:mm column. The opening takes its time; the
// resolution, dated only to the opening's day, is timed by the duration
// (2 h and 3 h 30 min) rather than read as midnight, before the opening.
func TestXLSXDatesApartWithElapsedTimes(t *testing.T) {
	b := newBook(t, "Реестр")
	b.rows("Реестр", "A1", map[int]string{1: "dd.mm.yyyy", 2: "hh:mm", 3: "dd.mm.yyyy", 4: "[h]:mm"},
		[]any{"Номер", "Дата обращения", "Время обращения", "Дата решения", "Время решения"},
		[]any{1, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), 9.25 / 24, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), 2.0 / 24},
		[]any{2, time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), 10.0 / 24, time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), 3.5 / 24},
	)
	got, _ := importBook(t, b.save("Реестр.xlsx"), importer.Options{Location: time.UTC}, 2, 0)
	for id, w := range map[string]struct{ opened, took time.Duration }{"1": {9*time.Hour + 15*time.Minute, 2 * time.Hour}, "2": {10 * time.Hour, 210 * time.Minute}} {
		c := got[id]
		if c.OpenedAt.Sub(c.OpenedAt.Truncate(24*time.Hour)) != w.opened || c.Facts.ResolvedAt.Sub(c.OpenedAt) != w.took {
			t.Errorf("%s: opened %v, resolved %v after; want %v into the day and %v", id, c.OpenedAt, c.Facts.ResolvedAt.Sub(c.OpenedAt), w.opened, w.took)
		}
	}
}

// The same register with «Время решения» formatted hh:mm: a time of day,
// which under a day only its format tells from a time taken. The
// resolution is the date at that time (the next day 11:45, the same day
// 15:30), not the opening plus as many hours.
func TestXLSXDatesApartWithClockTimes(t *testing.T) {
	b := newBook(t, "Реестр")
	b.rows("Реестр", "A1", map[int]string{1: "dd.mm.yyyy", 2: "hh:mm", 3: "dd.mm.yyyy", 4: "hh:mm"},
		[]any{"Номер", "Дата обращения", "Время обращения", "Дата решения", "Время решения"},
		[]any{1, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), 9.25 / 24, time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), 11.75 / 24},
		[]any{2, time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), 10.0 / 24, time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), 15.5 / 24},
	)
	got, _ := importBook(t, b.save("Реестр.xlsx"), importer.Options{Location: time.UTC}, 2, 0)
	for id, w := range map[string]time.Time{"1": time.Date(2024, 3, 6, 11, 45, 0, 0, time.UTC), "2": time.Date(2024, 3, 6, 15, 30, 0, 0, time.UTC)} {
		if c := got[id]; !c.Facts.ResolvedAt.Equal(w) {
			t.Errorf("%s: resolved %v, want %v", id, c.Facts.ResolvedAt, w)
		}
	}
}
