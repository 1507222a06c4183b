package importer

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"caredesk/data"
)

// dateKind is the shape of a date value; a column is described by the
// shape of its values.
type dateKind int

const (
	kindNone      dateKind = iota
	kindISO                // 2024-03-05[T ]15:04[:05][zone]
	kindYMDSlash           // 2024/03/05
	kindUnix               // 10 digits (13 = milliseconds)
	kindDotted             // 05.03.2024: always day first
	kindNumeric            // 05/03/2024 or 05-03-2024: day or month first
	kindMonthName          // 31-Jul-18, 31 Jul 2018, Jul 31, 2018, 2018 Jul 31
	kindExcel              // Excel serial day number (XLSX)
)

var errBadDate = errors.New("not a date")

// errAmbiguousZone is a date whose zone is an abbreviation of several
// zones ("CST": US Central or China): its instant is not guessed.
var errAmbiguousZone = errors.New("ambiguous time zone abbreviation")

// dateValue is a date cell broken into fields before the day/month order
// and the zone are applied.
type dateValue struct {
	kind          dateKind
	a, b, year    int // a, b = first and second number for kindNumeric
	month, day    int
	hour, min     int
	sec, nsec     int
	hasTime       bool
	hasZone       bool
	zone          *time.Location
	unix          int64
	unixMilli     bool
	serial        float64
	sep           byte
	twoDigitYear  bool
	hasSeconds    bool
	twelveHour    bool
	monthNameLast bool
	yearFirst     bool // 2019 Jan 03
	timeSep       byte // ':' or, in "10.00", '.'
	timeFirst     bool // 10:00 05.03.2024
	weekday       int  // 1 + the time.Weekday a leading day name gives ("Fri 03/01/2024"); 0 for none
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "июня": 6, "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	// The nominative, as a month is named alone ("март 2024") and some
	// programs write it in dates too, and the longer short forms.
	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "июнь": 6, "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
	"февр": 2, "сент": 9, "нояб": 11,
}

// dateScanner walks a date string.
type dateScanner struct {
	s string
	i int
}

func (sc *dateScanner) done() bool { return sc.i >= len(sc.s) }
func (sc *dateScanner) peek() byte {
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

// num reads digits and returns the value and digit count.
func (sc *dateScanner) num() (int, int) {
	start := sc.i
	v := 0
	for sc.i < len(sc.s) && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' && sc.i-start < 10 {
		v = v*10 + int(sc.s[sc.i]-'0')
		sc.i++
	}
	return v, sc.i - start
}

// word reads letters (any script) and returns them lower-cased.
func (sc *dateScanner) word() string {
	start := sc.i
	for sc.i < len(sc.s) {
		c := sc.s[sc.i]
		if c >= '0' && c <= '9' || c == ' ' || c == ',' || c == '-' || c == '.' || c == '/' {
			break
		}
		sc.i++
	}
	return strings.ToLower(sc.s[start:sc.i])
}

// ordinal passes over the English suffix of a day number ("5th",
// "21st").
func (sc *dateScanner) ordinal() {
	if sc.i+2 > len(sc.s) {
		return
	}
	switch strings.ToLower(sc.s[sc.i : sc.i+2]) {
	case "st", "nd", "rd", "th":
		if next := sc.i + 2; next == len(sc.s) || !unicode.IsLetter(rune(sc.s[next])) {
			sc.i += 2
		}
	}
}

func (sc *dateScanner) skipSpaces() {
	for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		sc.i++
	}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scanDate splits a date cell into fields. excel allows serial numbers.
func scanDate(s string, excel bool) (dateValue, error) {
	// The lead bytes of those spaces in UTF-8 (C2, E2) are found by a fast
	// byte search; ContainsAny walks the runes of every date (0.2 s a
	// million rows).
	if (strings.IndexByte(s, 0xc2) >= 0 || strings.IndexByte(s, 0xe2) >= 0) && strings.ContainsAny(s, "\u00a0\u202f\u2009") {
		// Excel, 1C and ICU (macOS, newer Windows) write "3:04 PM"
		// with a narrow or non-breaking space.
		s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ").Replace(s)
	}
	v, err := scanDateFirst(s, excel)
	if err != nil {
		// Tried second: "10.03.15 05.03.2024" is a time then a date,
		// but "05.03.24 10.00" a date (2024) then a time.
		if tv, terr := scanTimeFirst(s); terr == nil {
			return tv, nil
		}
	}
	return v, err
}

// scanTimeFirst reads a time of day written before its date, as some
// registers and 1C reports do: "10:00 05.03.2024", "10:00:15, 05/03/2024",
// "10.00 05.03.2024"; a zone may follow the date.
func scanTimeFirst(s string) (dateValue, error) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return dateValue{}, errBadDate
	}
	var clock dateValue
	sc := dateScanner{s: s}
	if err := scanClock(&sc, &clock); err != nil || sc.i == 0 || sc.s[sc.i-1] != ' ' && sc.peek() != ',' {
		return dateValue{}, errBadDate
	}
	rest := strings.TrimSpace(strings.TrimPrefix(sc.s[sc.i:], ","))
	v, err := scanDateFirst(rest, false)
	if err != nil || v.hasTime || v.kind == kindUnix {
		return dateValue{}, errBadDate
	}
	v.hasTime, v.timeFirst, v.timeSep, v.twelveHour = true, true, clock.timeSep, clock.twelveHour
	v.hour, v.min, v.sec, v.nsec, v.hasSeconds = clock.hour, clock.min, clock.sec, clock.nsec, clock.hasSeconds
	return v, nil
}

// scanDateFirst reads a date and the time of day after it.
func scanDateFirst(s string, excel bool) (dateValue, error) {
	var v dateValue
	if allDigits(s) {
		switch {
		case len(s) == 10:
			n, _ := strconv.ParseInt(s, 10, 64)
			return dateValue{kind: kindUnix, unix: n}, nil
		case len(s) == 13:
			n, _ := strconv.ParseInt(s, 10, 64)
			return dateValue{kind: kindUnix, unix: n, unixMilli: true}, nil
		case len(s) == 8:
			y, _ := strconv.Atoi(s[:4])
			m, _ := strconv.Atoi(s[4:6])
			d, _ := strconv.Atoi(s[6:])
			if y >= 1900 && y <= 2100 {
				return dateValue{kind: kindISO, year: y, month: m, day: d}, nil
			}
		}
	}
	if excel {
		num := s
		if !strings.Contains(s, ".") {
			num = strings.Replace(s, ",", ".", 1) // "45356,6": a CSV saved by Russian Excel
		}
		if f, err := strconv.ParseFloat(num, 64); err == nil {
			if f < 1 || f > 2958465 {
				return v, errBadDate
			}
			return dateValue{kind: kindExcel, serial: f}, nil
		}
	}
	s, weekday := trimWeekday(s)
	sc := dateScanner{s: s}
	c := sc.peek()
	switch {
	case c >= '0' && c <= '9':
		n1, d1 := sc.num()
		if d1 <= 2 {
			sc.ordinal() // 5th March 2024
		}
		sep := sc.peek()
		if sep != '-' && sep != '/' && sep != '.' && sep != ' ' {
			return v, errBadDate
		}
		sc.i++
		if sep == ' ' {
			sc.skipSpaces()
		}
		if c2 := sc.peek(); (c2 < '0' || c2 > '9') && d1 == 4 && sep == ' ' {
			// 2019 Jan 03 (Austin's 311 open data)
			m, ok := monthNames[strings.TrimSuffix(sc.word(), ".")]
			if !ok || sc.peek() != ' ' {
				return v, errBadDate
			}
			sc.skipSpaces()
			d, dd := sc.num()
			if dd == 0 || dd > 2 {
				return v, errBadDate
			}
			v = dateValue{kind: kindMonthName, day: d, month: m, year: n1, sep: sep, yearFirst: true}
			break
		} else if c2 < '0' || c2 > '9' {
			// 31-Jul-18, 31 Jul 2018, 31 июля 2018
			m, ok := monthNames[strings.TrimSuffix(sc.word(), ".")]
			if !ok || d1 > 2 {
				return v, errBadDate
			}
			if sc.peek() == '.' {
				sc.i++
			}
			if sc.peek() != sep && !(sep == ' ' && sc.peek() == ' ') {
				return v, errBadDate
			}
			sc.i++
			sc.skipSpaces()
			y, dy := sc.num()
			if dy != 2 && dy != 4 {
				return v, errBadDate
			}
			v = dateValue{kind: kindMonthName, day: n1, month: m, year: y, twoDigitYear: dy == 2, sep: sep}
			break
		}
		if sep == ' ' {
			return v, errBadDate
		}
		n2, d2 := sc.num()
		if d2 == 0 || d2 > 2 || sc.peek() != sep {
			return v, errBadDate
		}
		sc.i++
		n3, d3 := sc.num()
		switch {
		case d1 == 4 && (d3 == 1 || d3 == 2):
			v = dateValue{kind: kindYMDSlash, year: n1, month: n2, day: n3, sep: sep}
			if sep == '-' {
				v.kind = kindISO
			}
		case d1 <= 2 && (d3 == 4 || d3 == 2):
			v = dateValue{a: n1, b: n2, year: n3, twoDigitYear: d3 == 2, sep: sep, weekday: weekday}
			if sep == '.' {
				v.kind = kindDotted
			} else {
				v.kind = kindNumeric
			}
		default:
			return v, errBadDate
		}
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80:
		// Jul 31, 2018 / July 31 2018 / March 5th, 2024 / Март 5, 2024
		m, ok := monthNames[strings.TrimSuffix(sc.word(), ".")]
		if !ok {
			return v, errBadDate
		}
		if sc.peek() == '.' {
			sc.i++
		}
		sc.skipSpaces()
		d, dd := sc.num()
		if dd == 0 || dd > 2 {
			return v, errBadDate
		}
		sc.ordinal()
		comma := sc.peek() == ','
		if comma {
			sc.i++
		}
		sc.skipSpaces()
		y, dy := sc.num()
		if dy > 0 && dy <= 2 && !comma && sc.peek() == ':' {
			// The time before the year: C's ctime, Unix date, Java's
			// Date.toString and Twitter ("Tue Oct 31 22:10:47 +0000
			// 2017") are read with the year moved after the day.
			if moved, ok := yearToDay(s); ok {
				return scanDateFirst(moved, false)
			}
		}
		// Trudesk's reports write moment's "MMM DD, YY HH:mm:ss": two
		// digits after the comma are the year, unless an hour ("Jul 31,
		// 18:30").
		short := dy == 2 && comma && sc.peek() != ':'
		if dy != 4 && !short {
			return v, errBadDate
		}
		v = dateValue{kind: kindMonthName, day: d, month: m, year: y, monthNameLast: true, twoDigitYear: short}
	default:
		return v, errBadDate
	}
	if v.twoDigitYear {
		if v.year < 70 {
			v.year += 2000
		} else {
			v.year += 1900
		}
	}
	if err := scanTime(&sc, &v); err != nil {
		return v, err
	}
	return v, nil
}

// yearToDay moves the year of "Oct 31 22:10:47 +0000 2017" (month, day,
// time, maybe a zone, year last) to after the day: "Oct 31 2017 22:10:47
// +0000"; ok=false when s is not so written.
func yearToDay(s string) (string, bool) {
	f := strings.Fields(s)
	if len(f) < 4 || len(f) > 5 || len(f[len(f)-1]) != 4 || !allDigits(f[len(f)-1]) || !strings.Contains(f[2], ":") {
		return "", false
	}
	return strings.Join(append([]string{f[0], f[1], f[len(f)-1]}, f[2:len(f)-1]...), " "), true
}

// weekdays are the day names mail-style dates start with ("Tue, 05 Mar
// 2024 14:22:10 +0000", "вт, 05.03.2024").
var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "пн", "вт", "ср", "чт", "пт", "сб", "вс"}

// weekdayNames are the Russian day names written out ("вторник, 5 марта
// 2024 г."), longer than a prefix of weekdays may be.
var weekdayNames = []string{"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"}

// trimWeekday drops a leading day name and its comma. weekday is 1 +
// the time.Weekday it names, 0 when s has none.
func trimWeekday(s string) (rest string, weekday int) {
	if len(s) < 4 || s[0] >= '0' && s[0] <= '9' {
		return s, 0
	}
	word, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s, 0
	}
	word = strings.ToLower(strings.TrimRight(word, ".,"))
	// Both lists run from Monday: time.Weekday counts from Sunday.
	if i := slices.Index(weekdayNames, word); i >= 0 {
		return strings.TrimSpace(rest), (i+1)%7 + 1
	}
	for i, w := range weekdays {
		if strings.HasPrefix(word, w) && len(word) <= len(w)+len("nesday") {
			return strings.TrimSpace(rest), (i%7+1)%7 + 1
		}
	}
	return s, 0
}

// weekdayOrder is the day/month order under which a numeric date falls
// on the day its leading day name gives ("Fri 03/01/2024" is 1 March);
// ok=false when it names none, or both orders or neither fit.
func (v dateValue) weekdayOrder() (DateOrder, bool) {
	if v.weekday == 0 || v.a == v.b {
		return DateAuto, false
	}
	on := func(day, month int) bool {
		t := time.Date(v.year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return t.Day() == day && t.Weekday() == time.Weekday(v.weekday-1)
	}
	switch dmy, mdy := on(v.a, v.b), on(v.b, v.a); {
	case dmy && !mdy:
		return DMY, true
	case mdy && !dmy:
		return MDY, true
	}
	return DateAuto, false
}

// scanTime reads an optional time of day and zone after the date.
func scanTime(sc *dateScanner, v *dateValue) error {
	// Russian documents write the year as "2024 г." before the time
	// ("5 марта 2024 г., 10:00").
	if rest, ok := strings.CutPrefix(strings.TrimLeft(sc.s[sc.i:], " "), "г"); ok {
		if after := strings.TrimPrefix(rest, "."); after == "" || after[0] == ' ' || after[0] == ',' {
			sc.i = len(sc.s) - len(after)
		}
	}
	if sc.done() {
		return nil
	}
	switch sc.peek() {
	case 'T', ' ', ',':
		sc.i++
		sc.skipSpaces()
	case 'Z', '+':
		return scanZone(sc, v)
	default:
		return errBadDate
	}
	// "05.03.2024 в 10:00", "March 5, 2024 at 10:00 AM"
	for _, at := range []string{"в ", "at "} {
		if rest := sc.s[sc.i:]; len(rest) >= len(at) && strings.EqualFold(rest[:len(at)], at) { // every cell: no lower-cased copy
			sc.i += len(at)
			sc.skipSpaces()
		}
	}
	if sc.done() {
		return nil
	}
	if c := sc.peek(); c < '0' || c > '9' {
		return scanZone(sc, v)
	}
	if err := scanClock(sc, v); err != nil {
		return err
	}
	return scanZone(sc, v)
}

// fracDigits counts the digits s starts with.
func fracDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// scanClock reads a time of day at sc: "10:00", "10:00:15.250", "2:22
// p.m." or, as Russian documents write it, "10.00" and "10.00.15". A
// dotted time keeps its dot throughout and has no fraction of a second
// (but for Oracle's six or nine digits), so "10.00.15" is never read as
// a date (its "00" is no month).
func scanClock(sc *dateScanner, v *dateValue) error {
	h, dh := sc.num()
	sep := sc.peek()
	if dh == 0 || dh > 2 || sep != ':' && sep != '.' {
		return errBadDate
	}
	sc.i++
	m, dm := sc.num()
	if dm != 2 {
		return errBadDate
	}
	v.hasTime, v.hour, v.min, v.timeSep = true, h, m, sep
	if sc.peek() == sep {
		sc.i++
		s, ds := sc.num()
		if ds != 2 {
			return errBadDate
		}
		v.sec, v.hasSeconds = s, true
		// Oracle's default timestamps dot their fraction too ("10.10.47.000000
		// PM"): six or nine digits, which no date's year has.
		oracle := sep == '.' && sc.peek() == '.' && (fracDigits(sc.s[sc.i+1:]) == 6 || fracDigits(sc.s[sc.i+1:]) == 9)
		if sep == ':' && (sc.peek() == '.' || sc.peek() == ',') || oracle {
			sc.i++
			start := sc.i
			frac, _ := sc.num()
			for n := sc.i - start; n < 9; n++ {
				frac *= 10
			}
			for n := sc.i - start; n > 9; n-- {
				frac /= 10
			}
			v.nsec = frac
		}
	}
	if c := sc.peek(); c >= '0' && c <= '9' || c == '.' || c == ':' {
		return errBadDate // "10.00.2024": a date's tail, not a time
	}
	sc.skipSpaces()
	if rest := strings.ToUpper(sc.s[sc.i:]); len(rest) >= 2 && (rest[0] == 'A' || rest[0] == 'P') && (rest[1] == 'M' || strings.HasPrefix(rest[1:], ".M")) {
		if v.hour < 1 || v.hour > 12 {
			return errBadDate
		}
		if rest[0] == 'P' && v.hour != 12 {
			v.hour += 12
		} else if rest[0] == 'A' && v.hour == 12 {
			v.hour = 0
		}
		v.twelveHour = true
		// "PM", or "p.m." as American style guides spell it
		n := len(rest) - len(strings.TrimLeft(rest, "APM."))
		sc.i += n
		sc.skipSpaces()
	}
	if v.hour == 24 && sep == ':' && !v.twelveHour {
		// JavaScript's Intl.DateTimeFormat with hour12: false counts
		// the hours 1 to 24 in many locales: the first hour of the day
		// is "24:12:05", on that same day (Formbricks' exports until
		// it set hourCycle "h23").
		v.hour = 0
	}
	return nil
}

// scanZone reads Z, UTC, GMT, +03:00, +0300, GMT+3, -07, MSK, МСК+4 or
// an IANA name. A zone's name after its offset, bare or in brackets, only
// repeats it: JavaScript's Date.toString() writes "GMT+0300 (Moscow
// Standard Time)" in the browser's language, Go "+0300 MSK", mail
// "+0300 (MSK)", people "+03:00 Moscow Time". A bracketed zone alone
// ("(GMT+3)", "(МСК)") is read; a name alone is not, as it gives no
// offset.
func scanZone(sc *dateScanner, v *dateValue) error {
	rest := strings.TrimSpace(sc.s[sc.i:])
	if open := strings.IndexByte(rest, '('); open >= 0 && strings.HasSuffix(rest, ")") {
		if outer := strings.TrimSpace(rest[:open]); outer != "" {
			rest = outer
		} else {
			rest = strings.TrimSpace(rest[open+1 : len(rest)-1])
		}
	}
	if rest == "" {
		return nil
	}
	up := strings.ToUpper(rest)
	base := 0 // seconds east of UTC the offset counts from
	switch {
	case up == "Z" || up == "UTC" || up == "GMT":
		v.hasZone, v.zone = true, time.UTC
		return nil
	case strings.HasPrefix(up, "UTC") || strings.HasPrefix(up, "GMT"):
		rest = rest[3:]
	case up == "MSK" || up == "МСК":
		v.hasZone, v.zone = true, moscow()
		return nil
	case strings.HasPrefix(up, "MSK"):
		rest, base = rest[len("MSK"):], 3*3600
	case strings.HasPrefix(up, "МСК"):
		// Russia's regional times are told from Moscow's: «МСК+4» is
		// UTC+7.
		rest, base = rest[len("МСК"):], 3*3600
	case ambiguousZones[rest]:
		return errAmbiguousZone
	}
	if off, ok := zoneOffsets[rest]; ok {
		// A zone's abbreviation alone, in capitals, says its offset:
		// "PST" is UTC-8 whatever the date, "PDT" UTC-7.
		v.hasZone, v.zone = true, time.FixedZone(rest, off)
		return nil
	}
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		sign := 1
		if rest[0] == '-' {
			sign = -1
		}
		offset, name, _ := strings.Cut(rest[1:], " ")
		if name = strings.TrimSpace(name); name != "" && !zoneAbbrev(name) && !zoneLongName(name) {
			return errBadDate
		}
		digits := strings.ReplaceAll(offset, ":", "")
		if !allDigits(digits) || len(digits) > 4 {
			return errBadDate
		}
		var h, m int
		switch len(digits) {
		case 1, 2:
			h, _ = strconv.Atoi(digits)
		case 3:
			h, _ = strconv.Atoi(digits[:1])
			m, _ = strconv.Atoi(digits[1:])
		case 4:
			h, _ = strconv.Atoi(digits[:2])
			m, _ = strconv.Atoi(digits[2:])
		}
		if h > 14 || m > 59 {
			return errBadDate
		}
		v.hasZone = true
		v.zone = time.FixedZone("", base+sign*(h*3600+m*60))
		return nil
	}
	if loc, err := time.LoadLocation(rest); err == nil && strings.Contains(rest, "/") {
		v.hasZone, v.zone = true, loc
		return nil
	}
	return errBadDate
}

// zoneOffsets are the offsets of the zone abbreviations that name one
// zone only, as exports write them after a time ("2024-03-05 14:22 PST",
// "05.03.2024 10:00 YEKT"). Each is a fixed offset: a summer time has
// its own abbreviation.
var zoneOffsets = map[string]int{
	// North America
	"EST": -5 * 3600, "EDT": -4 * 3600, "CDT": -5 * 3600, "MST": -7 * 3600, "MDT": -6 * 3600,
	"PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "AKDT": -8 * 3600, "HST": -10 * 3600,
	"NST": -(3*3600 + 1800), "NDT": -(2*3600 + 1800),
	// Europe
	"WET": 0, "WEST": 3600, "CET": 3600, "CEST": 2 * 3600, "MET": 3600, "MEST": 2 * 3600,
	"EET": 2 * 3600, "EEST": 3 * 3600, "MSD": 4 * 3600,
	// Russia east of Moscow
	"SAMT": 4 * 3600, "YEKT": 5 * 3600, "OMST": 6 * 3600, "NOVT": 7 * 3600, "KRAT": 7 * 3600,
	"IRKT": 8 * 3600, "YAKT": 9 * 3600, "VLAT": 10 * 3600, "MAGT": 11 * 3600, "PETT": 12 * 3600,
	// Asia and Oceania
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
	"AWST": 8 * 3600, "ACST": 9*3600 + 1800, "ACDT": 10*3600 + 1800, "AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// ambiguousZones are abbreviations of several zones: "CST" is US Central
// (UTC-6), China (UTC+8) or Cuba time, "IST" India, Ireland or Israel,
// "BST" British summer or Bangladesh time, "AST" Atlantic or Arabia.
var ambiguousZones = map[string]bool{"CST": true, "IST": true, "BST": true, "AST": true, "ADT": true, "SST": true, "GST": true}

// zoneAbbrev reports whether s may be a zone's abbreviation ("MSK",
// "CET", "UTC"): two to five capitals, so that "+3 days" is no zone.
func zoneAbbrev(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// zoneLongName reports whether s is a zone's name written out after its
// offset, as browsers, Windows and people write it: "Moscow Time",
// "Russia TZ 2 Standard Time", «Москва, стандартное время». Only words
// ending in "time" or «время» count, so a cut-off name ("Moscow
// Standard") or other words after a number ("+3 дня") stay no date.
func zoneLongName(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' })
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
				return false
			}
		}
	}
	last := words[len(words)-1]
	return last == "time" || last == "время"
}

// moscow is Moscow time: UTC+3 since 2014, UTC+4 in 2011-2014 and with
// summer time before, as the zone database knows when it is there.
func moscow() *time.Location {
	if loc, err := time.LoadLocation("Europe/Moscow"); err == nil {
		return loc
	}
	return time.FixedZone("MSK", 3*3600)
}

// excelEpoch is day 0 of Excel's 1900 date system (1899-12-30 once the
// fictitious 1900-02-29 is accounted for).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excel1904Offset is the serial of 1904-01-01, day 0 of the 1904 date
// system, in the 1900 one.
const excel1904Offset = 1462

// excelDateText is the date and time an Excel serial stands for, as
// "2023-11-01 12:00" (seconds when it has them, no time at midnight);
// ok=false when s is no serial.
func excelDateText(s string, date1904 bool) (string, bool) {
	v, err := scanDate(s, true)
	if err != nil || v.kind != kindExcel {
		return "", false
	}
	t, _ := (&dateReader{loc: time.UTC, date1904: date1904}).resolve(v)
	return sheetDateText(t), true
}

// sheetDateText is a sheet's date cell as text: "2023-11-01 12:00",
// seconds when it has them, no time at midnight.
func sheetDateText(t time.Time) string {
	switch {
	case t.Second() != 0:
		return t.Format("2006-01-02 15:04:05")
	case t.Hour() != 0 || t.Minute() != 0:
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02")
}

// serial1990 and serial2100 are the Excel serials of 1990-01-01 and
// 2100-01-01, the dates a response may have.
const serial1990, serial2100 = 32874, 73051

// csvSerial reports whether s is an Excel serial day number of 1990-2100
// as a sheet saved as CSV writes one: "45356", "45356.6" or, from Russian
// Excel, "45356,6".
func csvSerial(s string) bool {
	whole, frac, _ := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if len(whole) != 5 || !allDigits(whole) || frac != "" && !allDigits(frac) {
		return false
	}
	n, _ := strconv.Atoi(whole)
	return n >= serial1990 && n < serial2100
}

// serialDates reports whether a CSV writes its dates as Excel serial day
// numbers: a date cell formatted as a number in the sheet it was saved
// from. Only a column headed as a date whose sampled values are all
// serials of 1990-2100 says so; unix seconds (10 digits) never are.
func serialDates(sc *schema, cols []column, sample [][]string) bool {
	for i, c := range cols {
		if !slices.ContainsFunc(sc.dates, func(f Field) bool { return headerRank(sc, f, c) >= 0 }) {
			continue
		}
		if allSampled(sample, i, func(v string) bool { return csvSerial(strings.TrimSpace(v)) }) > 0 {
			return true
		}
	}
	return false
}

// dateReader turns date cells into instants once the column's day/month
// order is known.
type dateReader struct {
	order DateOrder
	loc   *time.Location
	excel bool
	// date1904: the serials count from 1904 (Excel for Mac's old date
	// system), 1462 days later than the usual 1900 ones.
	date1904 bool
	// serialRange: serials come from a CSV (see serialDates), where only
	// those of 1990-2100 are taken for dates.
	serialRange bool
}

// parse returns the instant of a date cell, or why it is not one.
func (r *dateReader) parse(s string) (time.Time, reason) {
	v, err := scanDate(s, r.excel)
	if errors.Is(err, errAmbiguousZone) {
		return time.Time{}, reasonAmbiguousZone
	}
	if err != nil {
		return time.Time{}, reasonNotDate
	}
	return r.resolve(v)
}

func (r *dateReader) resolve(v dateValue) (time.Time, reason) {
	switch v.kind {
	case kindUnix:
		if v.unixMilli {
			return time.UnixMilli(v.unix).UTC(), ""
		}
		return time.Unix(v.unix, 0).UTC(), ""
	case kindExcel:
		if r.serialRange && (v.serial < serial1990 || v.serial >= serial2100) {
			return time.Time{}, reasonNotDate
		}
		days := math.Floor(v.serial)
		secs := math.Round((v.serial - days) * 86400)
		if r.date1904 {
			days += excel1904Offset
		}
		// The serial is a wall-clock date and time without a zone.
		t := excelEpoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, r.loc), ""
	case kindDotted:
		v.day, v.month = v.a, v.b
	case kindNumeric:
		switch {
		case r.order == DMY:
			v.day, v.month = v.a, v.b
		case r.order == MDY:
			v.day, v.month = v.b, v.a
		case v.a > 12:
			v.day, v.month = v.a, v.b
		case v.b > 12:
			v.day, v.month = v.b, v.a
		default:
			return time.Time{}, reasonDateOrder
		}
	}
	if v.month < 1 || v.month > 12 || v.day < 1 || v.day > 31 || v.hour > 23 || v.min > 59 || v.sec > 60 {
		return time.Time{}, reasonImpossibleDate
	}
	loc := r.loc
	if v.hasZone {
		loc = v.zone
	}
	t := time.Date(v.year, time.Month(v.month), v.day, v.hour, v.min, v.sec, v.nsec, loc)
	if t.Day() != v.day {
		return time.Time{}, reasonImpossibleDate
	}
	return t, ""
}

// dateColumnStats decides the day/month order of a column from all its
// values: a first number above 12 proves day-first, a second one above 12
// proves month-first.
type dateColumnStats struct {
	values       int
	kinds        [kindExcel + 1]int
	dayFirst     int // rows proving DMY
	monthFirst   int // rows proving MDY
	first        dateValue
	firstSet     bool
	firstNumeric dateValue
}

func (st *dateColumnStats) add(s string, excel bool) {
	if isMissing(s) {
		return
	}
	v, err := scanDate(s, excel)
	if err != nil {
		return
	}
	st.values++
	st.kinds[v.kind]++
	if !st.firstSet {
		st.first, st.firstSet = v, true
	}
	if v.kind == kindNumeric {
		if st.kinds[kindNumeric] == 1 {
			st.firstNumeric = v
		}
		order, named := v.weekdayOrder()
		switch {
		case v.a > 12 && v.b <= 12, v.a <= 12 && v.b <= 12 && named && order == DMY:
			st.dayFirst++
		case v.b > 12 && v.a <= 12, v.a <= 12 && v.b <= 12 && named && order == MDY:
			st.monthFirst++
		}
	}
}

// needsOrder reports whether the column has numeric dates whose order is
// not decided yet.
func (st *dateColumnStats) needsOrder() bool {
	return st.kinds[kindNumeric] > 0 && st.dayFirst == 0 && st.monthFirst == 0
}

// provenOrder is the order the dates prove alone; ok=false when none
// proves one or some prove each.
func (st *dateColumnStats) provenOrder() (DateOrder, bool) {
	switch {
	case st.dayFirst > 0 && st.monthFirst == 0:
		return DMY, true
	case st.monthFirst > 0 && st.dayFirst == 0:
		return MDY, true
	}
	return DateAuto, false
}

// order is the column's order; ok=false when undecidable.
func (st *dateColumnStats) order() (DateOrder, bool) {
	switch {
	case st.kinds[kindNumeric] == 0:
		return DateAuto, true
	case st.dayFirst >= st.monthFirst && st.dayFirst > 0:
		return DMY, true
	case st.monthFirst > 0:
		return MDY, true
	}
	return DateAuto, false
}

// describe returns a human description of the column's dominant format.
func (st *dateColumnStats) describe(order DateOrder) string {
	if !st.firstSet {
		return ""
	}
	best := kindNone
	for k, n := range st.kinds {
		if n > st.kinds[best] {
			best = dateKind(k)
		}
	}
	v := st.first
	if best == kindNumeric {
		v = st.firstNumeric
	}
	if v.kind != best {
		v = dateValue{kind: best}
	}
	yy := "yyyy"
	if v.twoDigitYear {
		yy = "yy"
	}
	sep := string(v.sep)
	var d string
	switch best {
	case kindUnix:
		if v.unixMilli {
			return data.DateLayoutUnixMillis
		}
		return data.DateLayoutUnixSecs
	case kindExcel:
		return data.DateLayoutExcel
	case kindISO:
		d = "yyyy-mm-dd"
	case kindYMDSlash:
		d = "yyyy" + sep + "mm" + sep + "dd"
	case kindDotted:
		d = "dd.mm." + yy
	case kindNumeric:
		switch order {
		case DMY:
			d = "dd" + sep + "mm" + sep + yy
		case MDY:
			d = "mm" + sep + "dd" + sep + yy
		default:
			d = "dd" + sep + "mm" + sep + yy + data.DateLayoutOr + "mm" + sep + "dd" + sep + yy
		}
	case kindMonthName:
		switch {
		case v.monthNameLast:
			d = "Mon dd, " + yy
		case v.yearFirst:
			d = "yyyy Mon dd"
		case sep == " ":
			d = "dd Mon " + yy
		default:
			d = "dd" + sep + "Mon" + sep + yy
		}
	default:
		return ""
	}
	if v.hasTime {
		sep := ":"
		if v.timeSep == '.' {
			sep = "."
		}
		t := "HH" + sep + "MM"
		if v.hasSeconds {
			t += sep + "SS"
		}
		if v.twelveHour {
			t += " AM/PM"
		}
		if v.timeFirst {
			d = t + " " + d
		} else {
			d += " " + t
		}
	}
	if v.hasZone {
		d += data.DateLayoutWithZone
	}
	return d
}

// clockHeaders name a column holding only the time of day of the date
// column beside it: Survio writes a response's date and time apart, as
// does the Comcast complaints register on Kaggle a complaint's.
var clockHeaders = []string{"time", "время", "time of response", "время ответа"}

// pairClocks gives each date field the time of day a column beside it
// holds when its own column holds dates alone: «Дата решения» with
// «Время решения», "Created Date" with "Created Time", a survey's date
// with its "Time" (Survio, the Comcast register on Kaggle). Registers and
// 1C exports write them apart. Such a time column is read as a duration
// («Время решения» 12:15: twelve hours) or as the date itself ("Created
// Time" ranks before "Created Date" among the aliases) unless paired: a
// date field mapped to a column of times alone takes the date column
// beside it instead, and a time column named after a date field's column
// of dates is its clock, whatever else it was mapped to. A field or a
// time column the user mapped is left as it is.
func (p *plan) pairClocks(opt Options) {
	p.clocks = map[int]int{}
	for k, f := range p.schema.dates {
		dc, ok := p.mapping[f]
		if !ok {
			continue
		}
		// (In a workbook a date is a number, which reads as a time of day
		// too: times alone are no dates.)
		if _, asked := opt.Mapping[f]; !asked && p.allClocks(dc) && !p.datesWithoutTime(dc) {
			if partner := p.columnNamed(datePair(spaced(p.cols[dc].norm))); partner >= 0 && p.datesWithoutTime(partner) && !p.mappedByUser(opt, partner) {
				p.unmap(partner)
				p.mapping[f] = partner
				p.clocks[partner] = dc
			}
			continue
		}
		if !p.datesWithoutTime(dc) {
			continue
		}
		tc := p.columnNamed(clockPair(spaced(p.cols[dc].norm)))
		if tc < 0 && k == 0 {
			// The row's own date may take a column named for a time of day
			// alone, which no field has.
			tc = p.freeColumn(clockHeaders)
		}
		if tc < 0 || tc == dc || p.mappedByUser(opt, tc) || !p.allClocks(tc) || p.workbook() && p.durationColumn(tc) && !p.clockCols[tc] {
			continue
		}
		p.unmap(tc)
		p.clocks[dc] = tc
	}
}

// durationColumn reports whether column i was taken for a duration
// field. In a workbook such a column stays one unless its cells are
// formatted as a time of day (clockCols): an elapsed time ([h]:mm) and a
// time of day (hh:mm) differ only in the format, and a register's
// formula gives the time taken.
func (p *plan) durationColumn(i int) bool {
	for _, f := range []Field{FieldFirstResponse, FieldResolutionTime} {
		if j, ok := p.mapping[f]; ok && j == i {
			return true
		}
	}
	return false
}

// datePair names the date header a time-of-day header goes with: its
// "time" said "date", its «время» «дата».
func datePair(clock string) []string {
	return reworded(clock, [2]string{"time", "date"}, [2]string{"время", "дата"})
}

// reworded is s with the first of each pair's words replaced by the
// second, once for each pair whose word s holds.
func reworded(s string, pairs ...[2]string) []string {
	var out []string
	for _, w := range pairs {
		if strings.Contains(s, w[0]) {
			out = append(out, strings.Replace(s, w[0], w[1], 1))
		}
	}
	return out
}

// columnNamed is the first column whose header is one of headers, -1 if
// none.
func (p *plan) columnNamed(headers []string) int {
	return slices.IndexFunc(p.cols, func(c column) bool { return slices.Contains(headers, spaced(c.norm)) })
}

// mappedByUser reports whether the user mapped some field to column i.
func (p *plan) mappedByUser(opt Options, i int) bool {
	for f, name := range opt.Mapping {
		if j, ok := p.mapping[f]; ok && j == i && name != "" {
			return true
		}
	}
	return false
}

// unmap frees column i of whatever field it was mapped to.
func (p *plan) unmap(i int) {
	for f, j := range p.mapping {
		if j == i {
			delete(p.mapping, f)
		}
	}
}

// allClocks reports whether column i's sample values are all times of
// day (and there is one at least).
func (p *plan) allClocks(i int) bool {
	n := 0
	for _, r := range p.sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if _, ok := parseClock(r[i], p.xlsx); !ok {
			return false
		}
		n++
	}
	return n > 0
}

// datesWithoutTime reports whether column i's sample values are all
// dates that carry no time of day (and there is one at least).
func (p *plan) datesWithoutTime(i int) bool {
	n := 0
	for _, r := range p.sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		v, err := scanDate(strings.TrimSpace(r[i]), p.excelDates())
		if err != nil || v.hasTime || v.kind == kindUnix || v.kind == kindExcel && v.serial != math.Floor(v.serial) {
			return false
		}
		n++
	}
	return n > 0
}

// clockPair names the headers of the time of day that goes with a date
// header: its "date" said "time", its «дата» «время». None when it has
// no such word.
func clockPair(date string) []string {
	return reworded(date, [2]string{"date", "time"}, [2]string{"дата", "время"})
}

// parseClock reads a time of day, "14:03", "14:03:22" or "2:03 PM", or in
// a workbook an Excel time (a fraction of a day), as the time since
// midnight.
func parseClock(s string, excel bool) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if excel {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			if f < 0 {
				return 0, false
			}
			// A date-time under a time-only format ("h:mm") shows its
			// time of day.
			f -= math.Floor(f)
			return time.Duration(math.Round(f*86400)) * time.Second, true
		}
	}
	sc := dateScanner{s: " " + s}
	var v dateValue
	// A dotted "1.30" under «Время ответа» is more likely hours than a
	// clock: only a colon makes a time of day here.
	if err := scanTime(&sc, &v); err != nil || !v.hasTime || v.timeSep != ':' || v.hasZone || v.hour > 23 || v.min > 59 || v.sec > 59 {
		return 0, false
	}
	return time.Duration(v.hour)*time.Hour + time.Duration(v.min)*time.Minute + time.Duration(v.sec)*time.Second, true
}

// withClock adds the time of day from clock column tc to t, a date at
// midnight; ok=false when the row was rejected.
func (b *rowBase) withClock(rec []string, row, tc int, t time.Time) (time.Time, bool) {
	if tc >= len(rec) || isMissing(rec[tc]) {
		return t, true
	}
	d, ok := parseClock(rec[tc], b.p.xlsx)
	if !ok {
		b.rejected(row, b.names[tc], strings.TrimSpace(rec[tc]), reasonNotDate.msg())
		return t, false
	}
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	return time.Date(t.Year(), t.Month(), t.Day(), h, m, s, 0, t.Location()), true
}

// zoneHeaders name a column holding the time zone of each row's dates:
// exports that gather answers from several regions write one.
var zoneHeaders = []string{"time zone", "timezone", "tz", "часовой пояс", "временная зона", "respondent time zone", "user time zone"}

// parseZoneName reads a time zone as a zone column writes it: an IANA
// name ("Europe/Moscow", "CET"), UTC, or an offset ("+03:00",
// "UTC+03:00", "GMT-5"); nil when it names none.
func parseZoneName(s string) *time.Location {
	if _, abbrev := zoneOffsets[s]; abbrev {
		// A zone column's "CET" or "EST" is the zone database's, whose
		// summer time follows the date, as it always was here.
		if loc, err := time.LoadLocation(s); err == nil {
			return loc
		}
	}
	var v dateValue
	if scanZone(&dateScanner{s: s}, &v) == nil && v.hasZone {
		return v.zone
	}
	// LoadLocation takes "" for UTC and "Local" for this machine's zone:
	// neither names the respondent's.
	if s == "" || s == "Local" {
		return nil
	}
	loc, _ := time.LoadLocation(s)
	return loc
}

// rowZone makes the dates of rec without a zone of their own read in the
// zone its zone column names, or in the file's zone when the cell is
// empty; false when the zone is unknown and the row was rejected.
func (b *rowBuilder) rowZone(rec []string, row int) bool {
	if b.zone < 0 {
		return true
	}
	b.dates.loc = b.p.dateLoc
	if b.zone >= len(rec) || isMissing(rec[b.zone]) {
		return true
	}
	raw := strings.TrimSpace(rec[b.zone])
	loc, seen := b.zones[raw]
	if !seen {
		// Exports repeat a handful of zones: each is looked up once.
		loc = parseZoneName(raw)
		if len(b.zones) < 1000 {
			b.zones[raw] = loc
		}
	}
	if loc == nil {
		b.rejected(row, b.names[b.zone], raw, reasonUnknownZone.msg())
		return false
	}
	b.dates.loc = loc
	return true
}
