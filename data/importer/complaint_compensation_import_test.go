package importer_test

import (
	"strings"
	"testing"
)

// A compensation written as words keeps its complaint: the amount stays
// empty, the words join the resolution, and one warning counts the rows.
// A mistyped amount still rejects its row; amounts read as before.
func TestImportCompensationInKind(t *testing.T) {
	got, res := importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус;Решение;Компенсация\n"+
		"1;05.03.2024;ООО Ромашка;Закрыта;;Скидка 10%\n"+
		"2;05.03.2024;ООО Вектор;Закрыта;Извинились;Промокод\n"+
		"3;05.03.2024;ИП Сидоров;Закрыта;Бесплатная доставка следующего заказа;Бесплатная доставка\n"+
		"4;05.03.2024;ИП Петров;Закрыта;;Voucher\n"+
		"5;05.03.2024;ИП Орлов;Закрыта;;1 500,00 ₽\n"+
		"6;05.03.2024;ИП Громов;Закрыта;;$1,500.00\n"+
		"7;05.03.2024;ИП Лисина;Закрыта;;-500\n", 6, 1)
	for id, w := range map[string]struct {
		amount     int64
		resolution string
	}{
		"1": {0, "Компенсация: Скидка 10%"},
		"2": {0, "Извинились\nКомпенсация: Промокод"},
		"3": {0, "Бесплатная доставка следующего заказа"},
		"4": {0, "Компенсация: Voucher"},
		"5": {150000, ""},
		"6": {150000, ""},
	} {
		if c := got[id]; c.Compensation != w.amount || c.Resolution != w.resolution {
			t.Errorf("%s: compensation %d resolution %q, want %d %q", id, c.Compensation, c.Resolution, w.amount, w.resolution)
		}
	}
	if r := res.Rejects; len(r) != 1 || r[0].Value != "-500" || r[0].Code != "import.reject.amount" {
		t.Errorf("rejects %+v", r)
	}
	n := 0
	for _, w := range res.Warnings {
		if w.Code == "import.warning.compensation_in_kind" {
			n++
			if w.Args["Count"] != 4 || w.Args["Column"] != "Компенсация" || w.Args["Example"] != "Скидка 10%" || !strings.Contains(w.Text, "rows: 4") {
				t.Errorf("warning %+v", w)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d compensation warnings, want 1: %+v", n, res.Warnings)
	}

	// Amounts alone: no warning.
	_, res = importRegister(t, "жалобы.csv", "Номер;Дата;Клиент;Статус;Компенсация\n1;05.03.2024;А;Закрыта;€ 20\n2;05.03.2024;Б;Закрыта;1500 руб.\n", 2, 0)
	for _, w := range res.Warnings {
		if w.Code == "import.warning.compensation_in_kind" {
			t.Errorf("warning for amounts: %+v", w)
		}
	}
}
