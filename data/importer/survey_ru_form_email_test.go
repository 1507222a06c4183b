package importer_test

import (
	"testing"
	"time"

	"caredesk/data/importer"
)

// A Russian form's answers as a public repository keeps them: "ID",
// «Время создания», «Время изменения», then the form's questions, the
// respondent's address under «Электронная почта». The address was left
// out: with no name asked, the answers were nobody's. It is the client
// now, as Google Forms' «Адрес электронной почты» is; the answer is dated
// by its creation, not by a later edit, and numbered by its "ID". Values
// made up.
func TestRussianFormEmailQuestion(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := writeFile(t, "answers.csv", []byte(lines(
		`ID,Время создания,Время изменения,Электронная почта,"Насколько вероятно, что вы порекомендуете нас другу?",Почему вы поставили такую оценку?`,
		"92666296,2026-11-05 14:03:22,2026-11-06 10:00:00,anna@example.ru,9,Быстро ответили",
		"92666297,2026-11-06 09:15:00,2026-11-06 09:15:00,ivan@example.ru,3,Долго ждал",
		"92666298,2026-11-07 18:00:41,2026-11-07 18:00:41,,10,Всё отлично",
	)))
	checkToolImport(t, path, []moreToolRow{
		{"Быстро ответили", 9, utc(2026, 11, 5, 14, 3, 22), ""},
		{"Долго ждал", 3, utc(2026, 11, 6, 9, 15, 0), ""},
		{"Всё отлично", 10, utc(2026, 11, 7, 18, 0, 41), ""},
	}, 0, []string{"92666296", "92666297", "92666298"})
	db := openStore(t)
	importFile(t, db, path, importer.Options{RejectsPath: "-"})
	got := byComment(t, db)
	if got["Быстро ответили"].ClientName != "anna@example.ru" || got["Долго ждал"].ClientName != "ivan@example.ru" || got["Всё отлично"].ClientName != "" {
		t.Errorf("clients %q, %q, %q; want the addresses, none for the empty one",
			got["Быстро ответили"].ClientName, got["Долго ждал"].ClientName, got["Всё отлично"].ClientName)
	}
	if p, d, n := npsCounts(stored(t, db)); p != 2 || d != 1 || n != 3 {
		t.Errorf("promoters %d, detractors %d of %d; want 2, 1 of 3", p, d, n)
	}
}
