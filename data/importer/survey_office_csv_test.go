package importer_test

import (
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"caredesk/data"
	"caredesk/data/importer"
)

// A survey report as a Russian office saves it from Excel: Windows-1251,
// ";", a title and period above the header, a header ending with ";"
// (an empty column) over rows that do not, and totals under the table
// that name what they count ("Итого ответов: 2", "NPS: 50%").
func TestOfficeReportCSV(t *testing.T) {
	file := "Отчёт по опросу NPS\nПериод: 01.03.2024 - 31.03.2024\n\n" +
		"№ п/п;Дата;Оценка;Комментарий;Канал;\n" +
		"1;05.03.2024 10:00:00;9,0;\"Всё отлично; спасибо\";Телефон\n" +
		"2;06.03.2024 11:00:00;3;\"Долго\nждали\";Письмо;\n" +
		";;;;;\n" +
		"Итого ответов: 2;;;;;\n" +
		"NPS: 50%;;;;;\n" +
		"Средний балл по всем каналам 6;;;;;\n"
	db := openStore(t)
	res := importFile(t, db, writeFile(t, "nps.csv", encode(t, charmap.Windows1251, file)), importer.Options{RejectsPath: "-"})
	if res.Imported != 2 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
	}
	checkCodes(t, "warnings", res.Warnings, []string{"import.warning.title_skipped",
		"import.warning.summary_skipped", "import.warning.summary_skipped", "import.warning.summary_skipped"})
	got := byComment(t, db)
	if f := got["Всё отлично; спасибо"]; f.Score != 9 || f.Channel != data.ChannelPhone || !f.RespondedAt.Equal(time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("first row: %+v", f)
	}
	if f := got["Долго\nждали"]; f.Score != 3 || f.Channel != data.ChannelEmail {
		t.Errorf("second row: %+v", f)
	}
	// A row short of a named column is still rejected.
	res = importFile(t, openStore(t), writeFile(t, "short.csv", []byte("Дата;Оценка;Комментарий\n05.03.2024;9\n06.03.2024;3;ok\n")), importer.Options{RejectsPath: "-"})
	if res.Imported != 1 || res.Rejected != 1 || res.Rejects[0].Code != "import.reject.field_count" {
		t.Errorf("short row: imported %d, rejects %+v", res.Imported, res.Rejects)
	}
}
