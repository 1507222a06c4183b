package importer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"caredesk/data"
)

// isMissing reports whether a cell means "no value".
func isMissing(s string) bool {
	s = strings.TrimSpace(s)
	switch s {
	case "", "NA", "N/A", "n/a", "na", "#N/A", "?", "null", "NULL", "Null", "-", "—", "–", "nan", "NaN", "-None-", // -None-: Zoho Desk
		"---",                  // Bugzilla's unset resolution
		"Not set", "Не задано", // Request Tracker's unset dates
		`\N`: // PostgreSQL's COPY and MySQL's OUTFILE write NULL so
		return true
	}
	return false
}

// yesNoWords are the answers of a yes/no question, true for a yes.
var yesNoWords = map[string]bool{"yes": true, "y": true, "true": true, "1": true, "да": true, "д": true, "✓": true, "✔": true,
	"no": false, "n": false, "false": false, "0": false, "нет": false, "н": false}

// yesNoAnswer reads a yes or no cell; ok=false for anything else.
func yesNoAnswer(s string) (yes, ok bool) {
	yes, ok = yesNoWords[strings.ToLower(strings.TrimSpace(s))]
	return yes, ok
}

// isYesNo reports whether a cell answers yes or no.
func isYesNo(s string) bool {
	_, ok := yesNoAnswer(s)
	return ok
}

// cleanText trims a text cell and empties missing markers.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	if isMissing(s) {
		return ""
	}
	return s
}

// parseScore reads a 0-10 score from cells such as "9", "9.0",
// "9 - Extremely likely", "10 (Extremely likely)", "Extremely likely -
// 10", "NPS: 9", "9/10" or "9 из 10": the one whole number counts. A
// second number ("7-8", "9 или 10") leaves the score unknown: it is
// rejected, never guessed. Missing cells give NoScore.
func parseScore(s string) (data.Score, reason) {
	s = strings.TrimSpace(s)
	if isMissing(s) {
		return data.NoScore, ""
	}
	if c := s[0]; c < '0' || c > '9' {
		num, ok := labelledScore(s)
		if !ok {
			return 0, reasonNotScore
		}
		s = num
	}
	i, v := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		v = v*10 + int(s[i]-'0')
		i++
		if v > 100 {
			return 0, reasonScoreRange
		}
	}
	rest := s[i:]
	// A decimal part is only accepted when it is zero ("9.0", "9,00").
	fraction := false
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		j := 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			fraction = fraction || rest[j] != '0'
			j++
		}
		if j == 1 {
			return 0, reasonNotScore
		}
		rest = rest[j:]
	}
	if rest != "" {
		// The number must be followed by a label or "/10", not glued to
		// more text ("9x", "05.03.2024" are not scores).
		c := rest[0]
		if c != ' ' && c != '-' && c != '(' && c != '\t' && c != '/' && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") {
			return 0, reasonNotScore
		}
		var ok bool
		if rest, ok = outOfTen(rest); !ok {
			return 0, reasonNotScore
		}
		if secondNumber(rest) {
			return 0, reasonScoreAmbiguous
		}
	}
	switch {
	case fraction:
		return 0, reasonScoreFraction
	case v > 10:
		return 0, reasonScoreRange
	}
	return data.Score(v), ""
}

// labelledScore returns the number at the end of a score written after
// its label ("Extremely likely - 10", "NPS: 9", «Оценка 9»); ok=false
// unless the label is words without a digit, set apart from the number.
func labelledScore(s string) (num string, ok bool) {
	j := len(s)
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	label := strings.TrimRight(s[:j], " ")
	if j == len(s) || !strings.ContainsFunc(label, unicode.IsLetter) || strings.ContainsFunc(label, unicode.IsDigit) {
		return "", false
	}
	glued := len(label) == j && !strings.HasSuffix(label, ":") && !strings.HasSuffix(label, "-") && !strings.HasSuffix(label, "–") && !strings.HasSuffix(label, "—")
	return s[j:], !glued
}

// outOfTen drops the scale after a score ("/10", " из 10", " of 10"), the
// text after it kept; ok=false when the scale is another ("4/5").
func outOfTen(rest string) (string, bool) {
	t := strings.TrimLeft(rest, " ")
	for _, of := range []string{"/", "из ", "of ", "out of "} {
		after, found := strings.CutPrefix(t, of)
		if !found {
			continue
		}
		after = strings.TrimLeft(after, " ")
		if tail, ten := strings.CutPrefix(after, "10"); ten && (tail == "" || tail[0] == ' ') {
			return tail, true
		}
		return "", false
	}
	return rest, true
}

// secondNumber reports whether the label after a score starts with
// another number: a range or a choice ("7-8", "9 или 10").
func secondNumber(label string) bool {
	t := strings.TrimLeft(label, " -–—,;+")
	for _, w := range []string{"or ", "или ", "to ", "до ", "and ", "и "} {
		t = strings.TrimLeft(strings.TrimPrefix(t, w), " ")
	}
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

// npsLabels are words found in NPS group columns; a column of them is a
// label column, never the score.
var npsLabels = []string{"promoter", "detractor", "passive", "passif", "promoteur", "détracteur", "промоутер", "критик", "нейтрал", "пассив"}

func isNPSLabel(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, w := range npsLabels {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// neutralise keeps a spreadsheet from running a reject value as a formula.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(s, w) })
}

// summaryWords start the total rows that spreadsheets and reports put
// under a table.
var summaryWords = map[string]bool{
	"total": true, "totals": true, "grand total": true, "sum": true, "average": true, "avg": true, "mean": true,
	"nps": true, "count": true, "overall": true, "summary": true,
	"итого": true, "итог": true, "всего": true, "среднее": true, "сумма": true, "средний балл": true, "в среднем": true,
}

// maxSummaryWarnings caps the warnings about skipped total rows.
const maxSummaryWarnings = 10

// isSummaryRow reports whether the first filled cell of a row is a total
// label ("Итого:", "Total", "NPS"), or starts with one before its figure
// or what it counts ("Итого ответов: 2", "NPS: 45%", "Average score 8.5").
func isSummaryRow(rec []string) bool {
	for _, c := range rec {
		if c = strings.TrimSpace(c); c != "" {
			// Most rows start with a date or a number.
			if len(c) > 64 || c[0] >= '0' && c[0] <= '9' {
				return false
			}
			// Compared without lower-casing: this runs on every row.
			w1, rest := nextWord(c)
			if r, _ := utf8.DecodeRuneInString(w1); !summaryStarts[r] {
				return false // the first word of a whole-cell label is w1 too
			}
			w2, _ := nextWord(rest)
			return summaryLabel(strings.TrimRight(c, ":. "), "") || summaryLabel(w1, "") || w2 != "" && summaryLabel(w1, w2)
		}
	}
	return false
}

// summaryPairs are summaryWords split into their first and second word
// ("" for one word), for summaryLabel.
var summaryPairs = func() [][2]string {
	var pairs [][2]string
	for k := range summaryWords {
		a, b, _ := strings.Cut(k, " ")
		pairs = append(pairs, [2]string{a, b})
	}
	return pairs
}()

// summaryStarts holds the first letters of summaryWords in every case:
// one lookup tells most rows (an id such as "R_3kX…" first) from a total.
var summaryStarts = func() map[rune]bool {
	starts := map[rune]bool{}
	for w := range summaryWords {
		first, _ := utf8.DecodeRuneInString(w)
		for r := first; ; {
			starts[r] = true
			if r = unicode.SimpleFold(r); r == first {
				break
			}
		}
	}
	return starts
}()

// summaryLabel reports whether a, or the two words a and b, are one of
// summaryWords in any case; a alone may also be a whole two-word label
// ("Grand Total").
func summaryLabel(a, b string) bool {
	if a == "" {
		return false
	}
	if b == "" {
		if x, y, two := strings.Cut(a, " "); two {
			a, b = x, y
		}
	}
	for _, p := range summaryPairs {
		if strings.EqualFold(p[0], a) && strings.EqualFold(p[1], b) {
			return true
		}
	}
	return false
}

// nextWord returns the first run of letters in s and what follows it.
func nextWord(s string) (word, rest string) {
	start := -1
	for i, r := range s {
		switch letter := unicode.IsLetter(r); {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}
