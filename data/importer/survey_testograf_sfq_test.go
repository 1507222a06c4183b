package importer_test

import (
	"path/filepath"
	"testing"
	"time"

	"caredesk/data/importer"
)

// Testograf's current export, as a university's public processing scripts
// name its columns (process_sfq.py, survey_utils.py: "Номер ответа",
// «Дата ответа», «Время выполнения», «IP - адрес», «Источник
// распространения»…, then the questions numbered "1. …", a matrix's rows
// as "Вопрос - Строка - Оценка"); the answers are made up. Several open
// questions tell a comment by a word («…более подробную обратную связь о
// кураторе», «Есть ли у вас дополнительные комментарии…»): the one asked
// after the 0-10 question is its comment, not the first in the file.
func TestTestografStudentSurvey(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := filepath.Join("testdata", "testograf_sfq.csv")
	pv, err := importer.Inspect(path, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[importer.Field]string{
		importer.FieldScore:      "5. Насколько вероятно, что вы порекомендуете школу друзьям, коллегам или родным, которые планируют обучение",
		importer.FieldComment:    "6. Есть ли у вас дополнительные комментарии или предложения для нас?",
		importer.FieldDate:       "Дата ответа",
		importer.FieldExternalID: "Номер ответа",
	} {
		if got := pv.Mapping[f]; got != want {
			t.Errorf("%s read from %q, want %q", f, got, want)
		}
	}
	db := openStore(t)
	res := importFile(t, db, path, importer.Options{Location: time.UTC, RejectsPath: "-"})
	if res.Imported != 5 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	f := byComment(t, db)["Расписание меняют в последний момент"]
	if f.Score != 3 || f.ExternalID != "103" || !f.RespondedAt.Equal(utc(2024, 3, 6, 9, 12, 5)) {
		t.Errorf("stored %+v", f)
	}
}
