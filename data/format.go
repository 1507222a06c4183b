package data

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FormatNumber formats v with the given decimals in the conventions of a
// language: "1,234.5" in English, "1 234,5" in Russian (narrow no-break
// space as the group separator).
func FormatNumber(lang string, v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	group, point := ",", "."
	if isRussian(lang) {
		group, point = "\u202f", ","
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// FormatInt formats a count with group separators.
func FormatInt(lang string, n int64) string { return FormatNumber(lang, float64(n), 0) }

// FormatSigned formats a change with an explicit sign (+3.2, −1.0).
func FormatSigned(lang string, v float64, decimals int) string {
	s := FormatNumber(lang, v, decimals)
	if v >= 0 || strings.Trim(strconv.FormatFloat(v, 'f', decimals, 64), "-0.") == "" {
		return "+" + strings.TrimPrefix(s, "−")
	}
	return s
}

// FormatDate formats a date: 31.01.2025 in Russian, Jan 31, 2025 in English.
func FormatDate(lang string, t time.Time) string {
	if isRussian(lang) {
		return t.Format("02.01.2006")
	}
	return t.Format("Jan 2, 2006")
}

// FormatDateInput writes a date for a date field to show and take back:
// 31.01.2025 in Russian, 2025-01-31 in English (unambiguous on both sides
// of the Atlantic).
func FormatDateInput(lang string, t time.Time) string {
	if isRussian(lang) {
		return t.Format("02.01.2006")
	}
	return t.Format("2006-01-02")
}

// dateInputLayouts are the ways of writing a date ParseDateInput takes,
// besides slashes: day-first with dots in any language, ISO, and the
// English month names FormatDate writes.
var dateInputLayouts = []string{"2.1.2006", "2006-1-2", "Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006"}

// ParseDateInput reads a date typed into a date field: as
// FormatDateInput or FormatDate writes it, d.m.yyyy, ISO, or with
// slashes when the order is plain (31/01/2025, 01/31/2025; 01/02/2025 is
// refused, being the 1st of February in Russia and Britain and the 2nd
// of January in America). A two-digit year is in this century. The date
// is at midnight UTC: only its day counts.
func ParseDateInput(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if a, b, y, ok := slashParts(s); ok {
		switch {
		case a > 12 && b <= 12:
			return validDate(y, b, a)
		case b > 12 && a <= 12:
			return validDate(y, a, b)
		}
		return time.Time{}, false
	}
	if parts := strings.Split(s, "."); len(parts) == 3 && len(parts[2]) == 2 {
		s = parts[0] + "." + parts[1] + ".20" + parts[2]
	}
	for _, layout := range dateInputLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// slashParts splits a/b/y (numbers; y of two or four digits).
func slashParts(s string) (a, b, y int, ok bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[2]) != 2 && len(parts[2]) != 4 {
		return 0, 0, 0, false
	}
	var nums [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 4 {
			return 0, 0, 0, false
		}
		nums[i] = n
	}
	if len(parts[2]) == 2 {
		nums[2] += 2000
	}
	return nums[0], nums[1], nums[2], true
}

// validDate is the date y-m-d, refusing one that does not exist.
func validDate(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// FormatDateTime formats a date and time.
func FormatDateTime(lang string, t time.Time) string {
	if isRussian(lang) {
		return t.Format("02.01.2006 15:04")
	}
	return t.Format("Jan 2, 2006 15:04")
}

var monthsRu = [...]string{"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}

var (
	monthNamesRu = [...]string{"Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"}
	weekdaysRu   = [...]string{"Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"}
)

// FormatMonthYear names a month in full, as a calendar heads it:
// "Ноябрь 2026", "November 2026".
func FormatMonthYear(lang string, year int, m time.Month) string {
	if isRussian(lang) {
		return monthNamesRu[m-1] + " " + strconv.Itoa(year)
	}
	return m.String() + " " + strconv.Itoa(year)
}

// WeekdayShort is a calendar column's heading: "Пн", "Mon".
func WeekdayShort(lang string, d time.Weekday) string {
	if isRussian(lang) {
		return weekdaysRu[d]
	}
	return d.String()[:3]
}

// FormatMonth formats a month label for charts: "Jan 2025" / "янв 2025".
func FormatMonth(lang string, year int, m time.Month) string {
	if isRussian(lang) {
		return monthsRu[m-1] + " " + strconv.Itoa(year)
	}
	return m.String()[:3] + " " + strconv.Itoa(year)
}

// FormatQuarter names a quarter: "Q4 2026" in English, "4 кв. 2026" in
// Russian.
func FormatQuarter(lang string, year, quarter int) string {
	if isRussian(lang) {
		return strconv.Itoa(quarter) + " кв. " + strconv.Itoa(year)
	}
	return "Q" + strconv.Itoa(quarter) + " " + strconv.Itoa(year)
}

// FormatHours writes a duration in hours with its unit: "8.4 h", "8,4 ч".
func FormatHours(lang string, hours float64, decimals int) string {
	unit := " h"
	if isRussian(lang) {
		unit = " ч"
	}
	return FormatNumber(lang, hours, decimals) + unit
}

// PluralForm returns the CLDR plural category of n for a language: "one",
// "few", "many" for Russian, "one", "other" for English.
func PluralForm(lang string, n int64) string {
	if n < 0 {
		n = -n
	}
	if isRussian(lang) {
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			return "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return "few"
		default:
			return "many"
		}
	}
	if n == 1 {
		return "one"
	}
	return "other"
}

func isRussian(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "ru") }

// ParseMoney reads an amount as people write it in a language ("1 234,50"
// in Russian, "1,234.50" in English; a lone point or comma before one or
// two final digits is the decimal separator either way) into minor units.
// Empty is zero.
func ParseMoney(language, s string) (int64, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	decimal := "."
	if isRussian(language) {
		decimal = ","
	}
	if !strings.Contains(s, decimal) {
		// "1234.5" typed in Russian or "1234,5" in English
		for _, sep := range []string{".", ","} {
			if i := strings.LastIndex(s, sep); i >= 0 && len(s)-i-1 <= 2 && strings.Count(s, sep) == 1 {
				decimal = sep
			}
		}
	}
	group := ","
	if decimal == "," {
		group = "."
	}
	s = strings.ReplaceAll(s, group, "")
	s = strings.Replace(s, decimal, ".", 1)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsNaN(v) || v > 1e13 {
		return 0, false
	}
	return int64(math.Round(v * 100)), true
}

// ParseCount reads a whole number as people type it, digits grouped by
// spaces, apostrophes or underscores ("12 500", "12'500"), or by commas
// outside Russian, where the comma is the decimal sign; empty is zero. A
// decimal point is refused rather than read as a separator.
func ParseCount(lang, s string) (int64, bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\'' || r == '_' || r == ',' && !isRussian(lang) { // IsSpace covers the no-break spaces
			return -1
		}
		return r
	}, s)
	if s == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// ParseMonth reads a month written 2025-03, 2025-3 or 03.2025 (also with
// a slash) and returns its first day.
func ParseMonth(s string) (Day, bool) {
	parts := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '-' || r == '.' || r == '/' })
	if len(parts) != 2 {
		return 0, false
	}
	if len(parts[1]) == 4 {
		parts[0], parts[1] = parts[1], parts[0]
	}
	year, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || len(parts[0]) != 4 || year < 1900 || month < 1 || month > 12 {
		return 0, false
	}
	return DateDay(year, time.Month(month), 1), true
}
