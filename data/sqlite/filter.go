package sqlite

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"caredesk/data"
)

// where collects the conditions and arguments of a WHERE clause. Only
// fixed SQL fragments go into clauses; every value is an argument.
type where struct {
	clauses []string
	args    []any
}

func (w *where) add(clause string, args ...any) {
	w.clauses = append(w.clauses, clause)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.clauses) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.clauses, " AND ")
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// addDays adds the inclusive day range on column col.
func (w *where) addDays(col string, from, to data.Day) {
	if from != 0 {
		w.add(col+" >= ?", int64(from))
	}
	if to != 0 {
		w.add(col+" <= ?", int64(to))
	}
}

// addChannels adds the channel and touchpoint filters. prefix is the table
// alias with its dot ("f." or ""); a "+" in front of it keeps SQLite from
// choosing the column's index over the day index.
func (w *where) addChannels(prefix string, channels []data.Channel, touchpoint string) {
	if len(channels) > 0 {
		args := make([]any, len(channels))
		for i, c := range channels {
			args[i] = string(c)
		}
		w.add(prefix+"channel IN ("+placeholders(len(channels))+")", args...)
	}
	if touchpoint != "" {
		w.add(prefix+"touchpoint = ?", touchpoint)
	}
}

// groupCondition is the feedback condition of an NPS group.
func groupCondition(col string, g data.ScoreGroup) (string, error) {
	switch g {
	case data.GroupAll:
		return "", nil
	case data.GroupPromoters:
		return col + " >= 9", nil
	case data.GroupPassives:
		return col + " BETWEEN 7 AND 8", nil
	case data.GroupDetractors:
		return col + " <= 6", nil
	case data.GroupUnscored:
		return col + " IS NULL", nil
	}
	return "", fmt.Errorf("unknown score group %q: %w", g, data.ErrInvalid)
}

// groupCount is the number of responses of an NPS group in a
// feedback_daily row.
func groupCount(g data.ScoreGroup) (string, error) {
	switch g {
	case data.GroupAll:
		return "s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + unscored", nil
	case data.GroupPromoters:
		return "s9 + s10", nil
	case data.GroupPassives:
		return "s7 + s8", nil
	case data.GroupDetractors:
		return "s0 + s1 + s2 + s3 + s4 + s5 + s6", nil
	case data.GroupUnscored:
		return "unscored", nil
	}
	return "", fmt.Errorf("unknown score group %q: %w", g, data.ErrInvalid)
}

// usesRollup reports whether the filter can be answered from
// feedback_daily: it filters only on columns the rollup keeps.
func usesRollup(f data.FeedbackFilter) bool {
	return strings.TrimSpace(f.Search) == "" && f.Tag == "" && f.ClientID == 0
}

// feedbackWhere builds the conditions of f on feedback f (joined to client
// c when f.Search is set). With pinDay, indexes on the other columns are
// disabled so the day index drives the query (the paging seek).
func feedbackWhere(f data.FeedbackFilter, pinDay bool) (*where, error) {
	w := &where{}
	w.addDays("f.day", f.From, f.To)
	prefix := "f."
	if pinDay {
		prefix = "+f."
	}
	w.addChannels(prefix, f.Channels, f.Touchpoint)
	cond, err := groupCondition(prefix+"score", f.Group)
	if err != nil {
		return nil, err
	}
	if cond != "" {
		w.add(cond)
	}
	if f.Tag != "" {
		w.add("EXISTS (SELECT 1 FROM feedback_tag t WHERE t.feedback_id = f.id AND t.tag = ?)", f.Tag)
	}
	if f.ClientID != 0 {
		w.add("f.client_id = ?", f.ClientID)
	}
	if like, pattern := searchLike(f.Search); like != nil {
		w.add("("+like("f.comment")+" OR "+like("f.touchpoint")+" OR "+like("c.name")+" OR "+
			"EXISTS (SELECT 1 FROM feedback_tag t WHERE t.feedback_id = f.id AND "+like("t.tag")+"))",
			pattern, pattern, pattern, pattern)
	}
	return w, nil
}

// searchLike prepares a search for term as a substring: like turns a
// column into its LIKE condition (one argument, pattern); nil when term is
// blank.
func searchLike(term string) (like func(col string) string, pattern string) {
	term = strings.TrimSpace(term)
	if term == "" {
		return nil, ""
	}
	pattern, fold := likePattern(term)
	return func(col string) string {
		if fold {
			col = lowerFunc + "(coalesce(" + col + ", ''))"
		}
		return col + ` LIKE ? ESCAPE '\'`
	}, pattern
}

// likePattern turns a search term into a LIKE pattern matching it as a
// substring, with LIKE's own wildcards escaped. SQLite's LIKE ignores case
// for ASCII letters only; for other text the pattern is lowered and fold
// tells the caller to compare against lowered columns.
func likePattern(term string) (pattern string, fold bool) {
	for i := 0; i < len(term); i++ {
		if term[i] >= utf8.RuneSelf {
			fold = true
			term = strings.ToLower(term)
			break
		}
	}
	var b strings.Builder
	b.WriteByte('%')
	for _, r := range term {
		if r == '%' || r == '_' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('%')
	return b.String(), fold
}

// rollupWhere builds the conditions of a filter on feedback_daily.
func rollupWhere(from, to data.Day, channels []data.Channel, touchpoint string) *where {
	w := &where{}
	w.addDays("day", from, to)
	w.addChannels("", channels, touchpoint)
	return w
}

// orderBy is the ORDER BY of a list sort: the sort column, then date, then
// id so that pages are stable. Date as the second key is what lets the
// rollup's per-day counts place an offset (see listByKey), and it is what
// a reader expects among equal scores. Missing scores come first
// ascending and last descending (SQLite's NULL order).
func orderBy(s data.FeedbackSort, desc bool) (string, error) {
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	byDate := "f.day" + dir + ", f.responded_at" + dir + ", f.id" + dir
	if s == "" || s == data.SortByDate {
		return byDate, nil
	}
	col, err := keyColumn(s)
	if err != nil {
		return "", err
	}
	return "f." + col + dir + ", " + byDate, nil
}

// keyColumn is the feedback column of a sort other than date; each has an
// index (column, day, responded_at) from migration 3.
func keyColumn(s data.FeedbackSort) (string, error) {
	switch s {
	case data.SortByScore:
		return "score", nil
	case data.SortByChannel:
		return "channel", nil
	case data.SortByTouchpoint:
		return "touchpoint", nil
	}
	return "", fmt.Errorf("unknown sort %q: %w", s, data.ErrInvalid)
}
