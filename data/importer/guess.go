package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Columns found by their values when no header names the field: an
// unknown tool's "Создан", a survey's "Q3", a register's «Итог». Each
// guess is made only when one column fits, and says so in a warning.

// dateByValues maps the main date (a response's, a complaint's opening)
// to the one column whose values are dates with times when no header
// named it: an unknown tool's "Создан" or "Completed". Only timestamps
// count, so a birthday or a purchase date (no time of day) is never taken;
// with two such columns it cannot tell which is meant and the user picks.
func (p *plan) dateByValues() {
	p.mapByValues(p.schema.dates[0], warnDateByValues,
		"no header names the date, so column %q, the only one holding dates with times, is taken as the date; if it is another date, map the right column",
		func(i int, _ column) bool { return timestampColumn(p.sample, i, p.xlsx) })
}

// scoreByValues maps the score to the one column whose answers are whole
// numbers 0 to 10 when no header named it (a survey's "Q3", «Вопрос 1»).
// Answers must reach past 1-5 (a rating scale is no NPS question), and
// ids, row numbers, counts and questions on another scale never qualify;
// nor does anything in a ticket export, whose counts would pass for scores.
func (p *plan) scoreByValues() {
	if p.ticketExport() != nil || len(p.banned) > 0 {
		// A review export's stars were left out of the score: its other
		// small numbers are no 0-10 answers either.
		return
	}
	p.mapByValues(FieldScore, warnScoreByValues,
		"no header names the 0-10 score, so column %q, the only one holding whole numbers 0 to 10, is taken as the score; if it is another question, map the right column",
		func(i int, c column) bool {
			scale := headerScale(c) // «Оценка (1-5)» asks on another scale
			return !p.banned[i] && !indexColumn(c, p.sample, i) && (scale == 0 || scale == 10) && !c.mentions(notScoreWords) && !otherMetric(c) && !calculatedScore(c) && !starHeader(c) && !idHeader([]string{c.norm}) &&
				!rowCounter(c.norm, p.sample, i) && !c.mentions(countWords) && c.norm != "age" && npsAnswers(p.sample, i)
		})
}

// indexColumn reports whether column i is a table's row index written out
// without a header, as pandas' to_csv does: numbers rising down every
// row, an excerpt's as well as the whole table's.
func indexColumn(c column, sample [][]string, i int) bool {
	if len(c.headers) > 0 {
		return false
	}
	last, n := -1, 0
	for _, r := range sample {
		if i >= len(r) || !allDigits(strings.TrimSpace(r[i])) {
			return false
		}
		k, err := strconv.Atoi(strings.TrimSpace(r[i]))
		if err != nil || k <= last {
			return false
		}
		last = k
		n++
	}
	return n >= 2
}

// placeholderHeader matches the names a form gives its questions when the
// export carries no titles: Wufoo's API entries "Field4", "Q3", «Вопрос 2»,
// "Column 5".
var placeholderHeader = regexp.MustCompile(`^(?:field|q|question|col|column|вопрос|поле|столбец) ?[0-9]{1,3}$`)

// commentByValues maps the comment, when no header named it, to the one
// column under a placeholder name ("Field4") whose answers are free text:
// words, not numbers, dates, e-mails or a person's name. A titled column
// is never taken: its title says what it holds.
func (p *plan) commentByValues() {
	p.mapByValues(FieldComment, warnCommentByValues,
		"no header names the comment, so column %q, the only untitled one holding written answers, is taken as the comment; if it is another question, map the right column",
		func(i int, c column) bool { return placeholderHeader.MatchString(c.norm) && textColumn(p.sample, i) })
}

// textColumn reports whether column i holds written answers: at least one
// of several words or with punctuation, and nothing a number, a date or
// an e-mail address.
func textColumn(sample [][]string, i int) bool {
	text := false
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		v := strings.TrimSpace(r[i])
		if strings.Contains(v, "@") || !strings.ContainsFunc(v, unicode.IsLetter) {
			return false
		}
		if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil {
			return false
		}
		if !personName(v) && (len(strings.Fields(v)) >= 2 || strings.ContainsAny(v, ",.!?;:")) {
			text = true
		}
	}
	return text
}

// personName reports whether v reads as a person's name: one to three
// capitalised words and no punctuation but hyphens ("Anna Smith",
// «Иванов Иван Иванович»).
func personName(v string) bool {
	words := strings.Fields(v)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ",.!?;:\"'«»()") {
			return false
		}
	}
	return true
}

// statusByValues maps the status to the one column whose values are all
// statuses when no header named it: a register's «Итог», "Progress". A
// «Результат» taken for the resolution by its header is the status when
// it holds nothing but statuses («Решено», «Закрыта»), unless the user
// chose it (fromResolution false).
func (p *plan) statusByValues(fromResolution bool) {
	if _, ok := p.mapping[FieldStatus]; ok {
		return
	}
	res, moved := p.mapping[FieldResolution]
	if moved = moved && fromResolution && statusColumn(p.sample, res); moved {
		delete(p.mapping, FieldResolution)
	}
	p.mapByValues(FieldStatus, warnStatusByValues,
		"no header names the status, so column %q, the only one holding statuses, is taken as the status; if it is something else, map the right column",
		func(i int, _ column) bool { return statusColumn(p.sample, i) })
	if _, ok := p.mapping[FieldStatus]; moved && !ok {
		p.mapping[FieldResolution] = res // two columns of statuses: neither is guessed, nothing moves
	}
}

// mapByValues maps f, when no header did, to the one unmapped column that
// fits, warning that it did so; with none or several it maps nothing.
func (p *plan) mapByValues(f Field, code, text string, fits func(i int, c column) bool) {
	if _, ok := p.mapping[f]; ok || len(p.sample) == 0 {
		return
	}
	found := p.onlyUnmapped(fits)
	if found < 0 {
		return
	}
	p.mapping[f] = found
	col := p.columnNames()[found]
	p.warnings = append(p.warnings, warning(code, map[string]any{"Column": col}, text, col))
}

// mappedColumns is the set of columns some field is mapped to.
func (p *plan) mappedColumns() map[int]bool {
	used := make(map[int]bool, len(p.mapping))
	for _, i := range p.mapping {
		used[i] = true
	}
	return used
}

// onlyUnmapped is the one column no field is mapped to that fits; -1
// with none or several.
func (p *plan) onlyUnmapped(fits func(i int, c column) bool) int {
	used := p.mappedColumns()
	found := -1
	for i, c := range p.cols {
		if used[i] || !fits(i, c) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// statusColumn reports whether column i holds statuses by name (not
// LiveAgent's one-letter codes), at least two of them.
func statusColumn(sample [][]string, i int) bool {
	n := 0
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		if _, ok := parseStatus(r[i]); !ok {
			return false
		}
		n++
	}
	return n >= 2
}

// countWords mark headers of counts and amounts, whose small whole numbers
// are no scores.
var countWords = []string{"count", "number", "qty", "quantity", "times", "replies", "reopen", "кол-во", "количеств", "число",
	"сколько раз", "возраст", "сумма", "amount", "штук"}

// minScoreSample is how many answers a column needs before its values
// alone can make it the score.
const minScoreSample = 3

// npsAnswers reports whether every sampled value of column i is a bare
// whole number 0 to 10, at least minScoreSample of them, one at least
// outside 1-5.
func npsAnswers(sample [][]string, i int) bool {
	n, wide := 0, false
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		v := strings.TrimSpace(r[i])
		if !allDigits(v) || len(v) > 2 {
			return false
		}
		k, _ := strconv.Atoi(v)
		if k > 10 {
			return false
		}
		wide = wide || k == 0 || k > 5
		n++
	}
	return n >= minScoreSample && wide
}

// timestampColumn reports whether every sampled value of column i is a
// date with a time of day written as one (not a bare number: ids and
// amounts parse as unix seconds or Excel serials).
func timestampColumn(sample [][]string, i int, excel bool) bool {
	n := 0
	for _, r := range sample {
		if i >= len(r) || isMissing(r[i]) {
			continue
		}
		v, err := scanDate(strings.TrimSpace(r[i]), excel)
		if err != nil || !v.hasTime || v.kind == kindUnix || v.kind == kindExcel {
			return false
		}
		n++
	}
	return n > 0
}
