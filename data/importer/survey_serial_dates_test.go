package importer_test

import (
	"testing"
	"time"

	"caredesk/data/importer"
)

// A sheet saved as CSV writes a date cell formatted as a number as its
// Excel serial ("45356,6" from Russian Excel): under a date header whose
// sampled values are all serials of 1990-2100 they are local date-times
// in the department's zone. Anywhere else such numbers are no dates.
func TestCSVExcelSerialDates(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	file := "Дата ответа;Оценка;Комментарий\n45356,6;9;a\n45356;8;b\n45357.25;7;c\n"
	// past the sample: a serial out of range is rejected, not taken for 1900
	for i := 0; i < 200; i++ {
		file += "45358;10;same\n"
	}
	file += "12;5;tiny\n"
	path := writeFile(t, "serials.csv", []byte(file))
	pv, err := importer.Inspect(path, importer.Options{Location: msk})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldDate] != "Дата ответа" || pv.DateLayout != "Excel date" {
		t.Fatalf("mapping %v, layout %q", pv.Mapping, pv.DateLayout)
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: msk, RejectsPath: "-"})
	if res.Imported != 203 || res.Rejected != 1 || res.Rejects[0].Value != "12" {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	got := byComment(t, db)
	for c, want := range map[string]time.Time{
		"a": time.Date(2024, 3, 5, 14, 24, 0, 0, msk),
		"b": time.Date(2024, 3, 5, 0, 0, 0, 0, msk),
		"c": time.Date(2024, 3, 6, 6, 0, 0, 0, msk),
	} {
		if !got[c].RespondedAt.Equal(want) {
			t.Errorf("%s: %v, want %v", c, got[c].RespondedAt, want)
		}
	}

	for name, file := range map[string]string{
		// a column mixing serials with dates is no serial column
		"mixed": "Дата;Оценка;Комментарий\n45356;9;a\n05.03.2024;8;b\n",
		// before 1990: numbers, not dates
		"small": "Дата;Оценка;Комментарий\n120;9;a\n121;8;b\n",
	} {
		t.Run(name, func(t *testing.T) {
			res, err := importer.ImportFeedback(t.Context(), openStore(t), writeFile(t, name+".csv", []byte(file)), importer.Options{Location: msk, RejectsPath: "-"}, nil)
			if err == nil && res.Imported == 2 {
				t.Errorf("numbers imported as dates: %+v", res)
			}
		})
	}
	// Numbers under a header that names no date are not dates.
	pv, err = importer.Inspect(writeFile(t, "numbers.csv", []byte("Номер;Оценка;Комментарий\n45356;9;a\n45357;8;b\n")), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := pv.Mapping[importer.FieldDate]; ok {
		t.Errorf("a column of numbers taken for dates: %v", pv.Mapping)
	}
}
