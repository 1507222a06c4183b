package importer_test

import (
	"fmt"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A register writing the time before the date is imported whole: the
// day/month order is decided by the rows past the sample, as for dates
// written the other way round.
func TestImportTimeBeforeDate(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	file := "Дата;Оценка;Комментарий\n"
	for i := 0; i < 120; i++ {
		file += fmt.Sprintf("10:00:15 05/03/2024;9;same %d\n", i)
	}
	file += "18:30:00 13/03/2024;7;late\n"
	path := writeFile(t, "time-first.csv", []byte(file))
	pv, err := importer.Inspect(path, importer.Options{Location: msk})
	if err != nil {
		t.Fatal(err)
	}
	if pv.DateLayout != "HH:MM:SS dd/mm/yyyy" {
		t.Errorf("layout %q", pv.DateLayout)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: msk, RejectsPath: "-"})
	if res.Imported != 121 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for c, want := range map[string]time.Time{
		"same 0": time.Date(2024, 3, 5, 10, 0, 15, 0, msk),
		"late":   time.Date(2024, 3, 13, 18, 30, 0, 0, msk),
	} {
		if !got[c].RespondedAt.Equal(want) {
			t.Errorf("%s: %v, want %v", c, got[c].RespondedAt, want)
		}
	}

	// Dotted times, as a Russian register writes them.
	db = openStore(t)
	res = importFile(t, db, writeFile(t, "dotted.csv", []byte("Дата;Оценка;Комментарий\n05.03.2024 10.00;9;a\n06.03.2024 9.05.30;8;b\n")),
		importer.Options{Location: msk, RejectsPath: "-"})
	if res.Imported != 2 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	got = byComment(t, db)
	if want := time.Date(2024, 3, 6, 9, 5, 30, 0, msk); !got["b"].RespondedAt.Equal(want) {
		t.Errorf("b: %v, want %v", got["b"].RespondedAt, want)
	}
}
