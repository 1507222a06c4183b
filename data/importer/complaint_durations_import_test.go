package importer_test

import (
	"testing"
	"time"
)

// A register's first-response and resolution times written as people
// and tools write them become the complaint's reply and resolution
// instants, where before each such row was rejected.
func TestImportRegisterDurationForms(t *testing.T) {
	got, _ := importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус;Время первого ответа;Время решения\n"+
		"1;05.03.2024 10:00;ООО Ромашка;Закрыта;2 ч 30;1 д 02:30\n"+
		"2;05.03.2024 10:00;ООО Вектор;Закрыта;PT2H30M;P1DT4H\n"+
		"3;05.03.2024 10:00;ИП Сидоров;Закрыта;~3h;≈ 4 ч\n"+
		"4;05.03.2024 10:00;ИП Петров;Закрыта;90';1:30:00\n", 4, 0)
	opened := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	for id, w := range map[string]struct{ reply, resolved time.Duration }{
		"1": {150 * time.Minute, 26*time.Hour + 30*time.Minute},
		"2": {150 * time.Minute, 28 * time.Hour},
		"3": {3 * time.Hour, 4 * time.Hour},
		"4": {90 * time.Minute, 90 * time.Minute},
	} {
		c := got[id]
		if !c.Facts.FirstResponseAt.Equal(opened.Add(w.reply)) || !c.Facts.ResolvedAt.Equal(opened.Add(w.resolved)) {
			t.Errorf("%s: reply %v resolved %v, want +%v +%v", id, c.Facts.FirstResponseAt, c.Facts.ResolvedAt, w.reply, w.resolved)
		}
	}
}
