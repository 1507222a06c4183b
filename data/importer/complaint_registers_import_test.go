package importer_test

import (
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// importRegister imports a register written inline into a fresh store
// and returns its tickets by id.
func importRegister(t *testing.T, name, content string, imported, rejected int) (map[string]data.Complaint, importer.Result) {
	t.Helper()
	db := openStore(t)
	res := importTickets(t, db, writeFile(t, name, []byte(content)), importer.Options{RejectsPath: "-"})
	if res.Imported != imported || res.Rejected != rejected {
		t.Fatalf("imported %d rejected %d, want %d and %d: %+v", res.Imported, res.Rejected, imported, rejected, res.Rejects)
	}
	return storedTickets(t, db), res
}

// A claims register: its statuses say how each claim was decided, and
// the outcome column repeats it; both are kept.
func TestImportClaimsRegisterOutcomes(t *testing.T) {
	got, _ := importRegister(t, "претензии.csv", "Номер;Дата регистрации;Контрагент;Статус;Результат рассмотрения\n"+
		"П-1;05.03.2024;ООО Ромашка;Удовлетворена;Удовлетворена\n"+
		"П-2;06.03.2024;ООО Вектор;Не удовлетворена;Отказано\n"+
		"П-3;07.03.2024;ИП Сидоров;На согласовании;\n"+
		"П-4;07.03.2024;ИП Петров;Ждём ответа клиента;\n", 4, 0)
	for id, w := range map[string]struct {
		status     data.Status
		resolution string
	}{
		"П-1": {data.StatusResolved, "Удовлетворена"}, "П-2": {data.StatusClosed, "Отказано"},
		"П-3": {data.StatusInProgress, ""}, "П-4": {data.StatusWaiting, ""},
	} {
		if c := got[id]; c.Status != w.status || c.Resolution != w.resolution {
			t.Errorf("%s: status %q resolution %q, want %q %q", id, c.Status, c.Resolution, w.status, w.resolution)
		}
	}
}
