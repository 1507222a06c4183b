package importer

import (
	"strings"
	"testing"

	"caredesk/data"
)

// A compensation is an amount only when its words are a currency's; a
// discount, a promo code or a voucher is given in kind, and a mistyped
// number is neither.
func TestCompensationInKind(t *testing.T) {
	checkParsed(t, "parseAmount", parseAmount, map[string]int64{
		"1 500,00 ₽": 150000, "$1,500.00": 150000, "€ 20": 2000, "1500 руб.": 150000, "1500 рублей": 150000, "20 у.е.": 2000,
		"100 USD": 10000, "RUB 1500": 150000, "1 500 руб. 50 коп.": 150050, "нет": 0, "Н/Д": 0, "не указано": 0,
	})
	// Their numbers are no sum paid: read as one, "Скидка 10" was 10.00.
	inKind := []string{"Скидка 10%", "Скидка 10", "Промокод", "Промокод SALE10", "Бесплатная доставка", "Voucher", "Voucher 500",
		"Free shipping", "10%", "500 баллов", "1,5 тыс. руб."}
	for _, in := range inKind {
		if got, ok := parseAmount(in); ok {
			t.Errorf("parseAmount(%q) = %d, want no amount", in, got)
		}
		if !compensationInKind(in) {
			t.Errorf("compensationInKind(%q) = false", in)
		}
	}
	for _, in := range []string{"-500", "1/2", "-5 руб.", "12.34.56"} {
		if compensationInKind(in) {
			t.Errorf("compensationInKind(%q) = true, want a mistyped amount", in)
		}
	}
}

// The words of a compensation in kind go to the resolution, labelled by
// their column, once.
func TestWithCompensation(t *testing.T) {
	for _, c := range []struct{ resolution, want string }{
		{"", "Компенсация: Промокод"},
		{"Извинились", "Извинились\nКомпенсация: Промокод"},
		{"Выдали промокод на 500 руб.", "Выдали промокод на 500 руб."},
	} {
		if got := withCompensation(c.resolution, "Компенсация", "Промокод"); got != c.want {
			t.Errorf("withCompensation(%q) = %q, want %q", c.resolution, got, c.want)
		}
	}
	long := strings.Repeat("я", data.MaxCommentLen)
	if got := withCompensation(long, "Компенсация", "Промокод"); len([]rune(got)) != data.MaxCommentLen {
		t.Errorf("a long resolution grew to %d characters", len([]rune(got)))
	}
}
