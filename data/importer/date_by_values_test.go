package importer_test

import (
	"errors"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A date column whose header no alias knows ("Создан", "Completed",
// "Когда") is found by its values when it is the only one holding
// timestamps; a birthday (a date without a time) is never the date, by
// its header or its values.
func TestDateColumnByValues(t *testing.T) {
	birthday := ";Дата рождения"
	for _, header := range []string{"Создан", "Completed"} {
		t.Run(header, func(t *testing.T) {
			path := writeFile(t, "answers.csv", []byte(header+";Оценка;Комментарий"+birthday+"\n"+
				"05.03.2024 10:00;9;быстро;01.01.1980\n06.03.2024 11:30;3;долго;\n"))
			pv, err := importer.Inspect(path, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Mapping[importer.FieldDate] != header {
				t.Fatalf("date mapped to %q, want %q", pv.Mapping[importer.FieldDate], header)
			}
			if w := findWarning(t, pv.Warnings, "import.warning.date_by_values"); w.Args["Column"] != header {
				t.Errorf("warning names %v", w.Args["Column"])
			}
			db := openStore(t)
			res := importFile(t, db, path, importer.Options{})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d rejected %d: %v", res.Imported, res.Rejected, res.Rejects)
			}
			list, err := db.ListFeedback(t.Context(), data.FeedbackFilter{}, data.Page{})
			if err != nil || len(list) != 2 || !list[0].RespondedAt.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
				t.Fatalf("stored %v (%v), want the first answer at 2024-03-05 10:00", list, err)
			}
		})
	}

	// The birthday alone: no date column, whatever its header says.
	path := writeFile(t, "birthdays.csv", []byte("Оценка;Дата рождения\n9;01.01.1980\n3;02.02.1990\n"))
	if pv, err := importer.Inspect(path, importer.Options{}); err != nil || pv.Mapping[importer.FieldDate] != "" {
		t.Errorf("birthday file: date mapped to %q (%v), want none", pv.Mapping[importer.FieldDate], err)
	}
	// Two timestamp columns: which one is meant cannot be told.
	path = writeFile(t, "two.csv", []byte("Когда;Оценка;Начало\n05.03.2024 10:00;9;05.03.2024 09:58\n"))
	_, err := importer.ImportFeedback(t.Context(), openStore(t), path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrNeedFileDate) {
		t.Errorf("two timestamp columns: %v, want ErrNeedFileDate", err)
	}
	// A date for the whole file, given by the user, is not overridden.
	path = writeFile(t, "given.csv", []byte("Создан;Оценка\n05.03.2024 10:00;9\n"))
	pv, err := importer.Inspect(path, importer.Options{FileDate: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || pv.Mapping[importer.FieldDate] != "" {
		t.Errorf("with a file date: date mapped to %q (%v), want none", pv.Mapping[importer.FieldDate], err)
	}

	// Tickets: the opening date.
	path = writeFile(t, "tickets.csv", []byte("Ключ;Когда;Статус;Тема\nSUP-1;03.02.2025 10:15;Закрыт;a\n"))
	pv, err = importer.InspectComplaints(path, importer.Options{})
	if err != nil || pv.Mapping[importer.FieldOpened] != "Когда" {
		t.Errorf("tickets: opened mapped to %q (%v), want «Когда»", pv.Mapping[importer.FieldOpened], err)
	}
}
