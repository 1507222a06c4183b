package importer

import (
	"strings"

	"caredesk/data"
)

// isMissing reports whether a cell means "no value".
func isMissing(s string) bool {
	s = strings.TrimSpace(s)
	switch s {
	case "", "NA", "N/A", "n/a", "na", "#N/A", "?", "null", "NULL", "Null", "-", "—", "–", "nan", "NaN", "-None-", // -None-: Zoho Desk
		"Not set", "Не задано": // Request Tracker's unset dates
		return true
	}
	return false
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
// "9 - Extremely likely" or "10 (Extremely likely)": the leading whole
// number counts. Missing cells give NoScore.
func parseScore(s string) (data.Score, reason) {
	s = strings.TrimSpace(s)
	if isMissing(s) {
		return data.NoScore, ""
	}
	i, v := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		v = v*10 + int(s[i]-'0')
		i++
		if v > 100 {
			return 0, reasonScoreRange
		}
	}
	if i == 0 {
		return 0, reasonNotScore
	}
	rest := s[i:]
	// A decimal part is only accepted when it is zero ("9.0", "9,00").
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		j := 1
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			if rest[j] != '0' {
				return 0, reasonScoreFraction
			}
			j++
		}
		if j == 1 {
			return 0, reasonNotScore
		}
		rest = rest[j:]
	}
	if rest != "" {
		// The number must be followed by a label, not glued to more text
		// ("9x", "5/10" are not scores).
		c := rest[0]
		if c != ' ' && c != '-' && c != '(' && c != '\t' && !strings.HasPrefix(rest, "–") {
			return 0, reasonNotScore
		}
	}
	if v > 10 {
		return 0, reasonScoreRange
	}
	return data.Score(v), ""
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
// label ("Итого:", "Total", "NPS").
func isSummaryRow(rec []string) bool {
	for _, c := range rec {
		if c = strings.TrimSpace(c); c != "" {
			// Most rows start with a date or a number: no lower-casing.
			if len(c) > 24 || c[0] >= '0' && c[0] <= '9' {
				return false
			}
			return summaryWords[strings.ToLower(strings.TrimRight(c, ":. "))]
		}
	}
	return false
}
