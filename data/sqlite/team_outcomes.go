package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"caredesk/data"
)

// AgentOutcomes reads what the scorecards need for complaints finally
// resolved from..to, in one read transaction.
//
// A month of a million complaints is tens of thousands of rows, and the
// cost is in moving them, not in finding them: go-sqlite3 pays a cgo call
// per row and column, and a GROUP BY sorts. So each query walks a
// covering index (complaint_scorecard, feedback_scorecard, the primary key
// of complaint_sla) and hands its columns over as one group_concat list
// each; Go splits them and does the counting.
func (db *DB) AgentOutcomes(ctx context.Context, from, to data.Day) (data.AgentOutcomes, error) {
	fail := func(err error) (data.AgentOutcomes, error) {
		return data.AgentOutcomes{}, fmt.Errorf("agent outcomes %s..%s: %w", from, to, err)
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	set, err := resolvedSet(ctx, tx, from, to)
	if err != nil {
		return fail(err)
	}
	out := data.AgentOutcomes{Feedback: map[int64]data.ScoreCounts{}}
	if len(set.id) == 0 {
		return out, tx.Commit()
	}
	outcomes, group := set.outcomes()
	if err := set.countSLA(ctx, tx, outcomes, group); err != nil {
		return fail(err)
	}
	if out.Feedback, err = set.feedback(ctx, tx, from, to); err != nil {
		return fail(err)
	}
	out.Outcomes, out.Resolutions = outcomes, set.resolutions(outcomes, group)
	return out, tx.Commit()
}

// resolved is the complaints of a period, one slice element each, in
// index order.
type resolved struct {
	id, assignee, category, flags, seconds, client []int64
}

// Bits of resolved.flags.
const (
	flagSatisfied = 1 << iota
	flagVerdict
	flagReopened
	flagBits // the multiplier that makes room for the flags
)

func resolvedSet(ctx context.Context, tx *sql.Tx, from, to data.Day) (resolved, error) {
	// Every list gets one entry per row in the same order; NULLs are
	// coalesced, as group_concat would skip them. The flags ride in the
	// low bits of the category (one list fewer).
	var lists [5]sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(id), group_concat(assignee_id),
		group_concat(coalesce(category_id, 0) * ?1 + (reopens > 0) * ?2 + (verdict != '') * ?3 + (verdict = 'satisfied') * ?4),
		group_concat(coalesce(res_working, -1)), group_concat(coalesce(client_id, 0))
		FROM complaint INDEXED BY complaint_scorecard
		WHERE resolved_day BETWEEN ?5 AND ?6 AND assignee_id IS NOT NULL`,
		flagBits, flagReopened, flagVerdict, flagSatisfied, from, to).
		Scan(&lists[0], &lists[1], &lists[2], &lists[3], &lists[4])
	if err != nil {
		return resolved{}, err
	}
	var cols [5][]int64
	for i, l := range lists {
		if cols[i], err = splitInts(l.String); err != nil {
			return resolved{}, fmt.Errorf("read resolved complaints: %w", err)
		}
		if len(cols[i]) != len(cols[0]) {
			return resolved{}, fmt.Errorf("read resolved complaints: %d values in list %d, want %d", len(cols[i]), i, len(cols[0]))
		}
	}
	r := resolved{id: cols[0], assignee: cols[1], category: cols[2], flags: make([]int64, len(cols[2])), seconds: cols[3], client: cols[4]}
	for i, c := range r.category {
		r.category[i], r.flags[i] = c/flagBits, c%flagBits
	}
	return r, nil
}

// outcomes counts the complaints per employee and category, sorted; group
// gives each complaint's index in the result.
func (r *resolved) outcomes() ([]data.AgentOutcome, []int32) {
	type key struct{ emp, cat int64 }
	index := map[key]int32{}
	var out []data.AgentOutcome
	group := make([]int32, len(r.id))
	last, g := key{-1, -1}, int32(0)
	for i := range r.id {
		// Rows come by day, employee and category: runs share a key.
		if k := (key{r.assignee[i], r.category[i]}); k != last {
			var ok bool
			if g, ok = index[k]; !ok {
				g = int32(len(out))
				index[k] = g
				out = append(out, data.AgentOutcome{EmployeeID: k.emp, CategoryID: k.cat})
			}
			last = k
		}
		group[i] = g
		o := &out[g]
		o.Handled++
		f := r.flags[i]
		if f&flagReopened != 0 {
			o.Reopened++
		}
		if f&flagVerdict != 0 {
			o.WithVerdict++
		}
		if f&flagSatisfied != 0 {
			o.Satisfied++
		}
	}
	// Sort the outcomes and renumber the groups to match.
	order := make([]int32, len(out))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(out[a].EmployeeID, out[b].EmployeeID), cmp.Compare(out[a].CategoryID, out[b].CategoryID))
	})
	sorted := make([]data.AgentOutcome, len(out))
	renumber := make([]int32, len(out))
	for i, g := range order {
		sorted[i] = out[g]
		renumber[g] = int32(i)
	}
	for i, g := range group {
		group[i] = renumber[g]
	}
	return sorted, group
}

// slaGap is the widest run of complaint ids between two complaints of the
// period that countSLA scans through rather than seeking past: stepping
// over a few hundred index entries costs about as much as a seek.
var slaGap int64 = 256 // a variable so that tests can make every gap a new range

// countSLA adds the finished SLA items of the complaints to their groups.
// The complaints of a period have ids close together (they were opened
// about the same time), so it scans complaint_sla's primary key over
// ranges of ids instead of seeking every complaint.
func (r *resolved) countSLA(ctx context.Context, tx *sql.Tx, outcomes []data.AgentOutcome, group []int32) error {
	// slot[id-lo] is the group of complaint id plus one (0 = not in the
	// period): at most one int32 per stored complaint.
	lo, hi := slices.Min(r.id), slices.Max(r.id)
	slot := make([]int32, hi-lo+1)
	for i, id := range r.id {
		slot[id-lo] = group[i] + 1
	}
	ranges := []byte{'['}
	start, prev := int64(-1), int64(0)
	flush := func() {
		if len(ranges) > 1 {
			ranges = append(ranges, ',')
		}
		ranges = append(ranges, '[')
		ranges = strconv.AppendInt(ranges, start+lo, 10)
		ranges = append(ranges, ',')
		ranges = strconv.AppendInt(ranges, prev+lo, 10)
		ranges = append(ranges, ']')
	}
	for off, g := range slot {
		if g == 0 {
			continue
		}
		if o := int64(off); start < 0 {
			start = o
		} else if o-prev > slaGap {
			flush()
			start = o
		}
		prev = int64(off)
	}
	flush()
	ranges = append(ranges, ']')
	// A breached item is listed as its complaint's id negated.
	var list sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(iif(s.outcome = 'breached', -s.complaint_id, s.complaint_id))
		FROM json_each(?) AS span CROSS JOIN complaint_sla AS s
		WHERE s.complaint_id BETWEEN span.value ->> 0 AND span.value ->> 1 AND s.standard_id IN (SELECT id FROM standard)
			AND s.outcome IN ('achieved', 'breached')`, string(ranges)).Scan(&list)
	if err != nil {
		return err
	}
	items, err := splitInts(list.String)
	if err != nil {
		return fmt.Errorf("read SLA outcomes: %w", err)
	}
	for _, id := range items {
		breached := id < 0
		if breached {
			id = -id
		}
		g := slot[id-lo] // the ranges lie within lo..hi
		if g == 0 {
			continue // another period's complaint inside a scanned range
		}
		if o := &outcomes[g-1]; breached {
			o.SLABreached++
		} else {
			o.SLAAchieved++
		}
	}
	return nil
}

// resolutions lists the known working-hour resolution times by employee
// (in no order within an employee: the scorecards sort them for medians).
// The groups are sorted by employee, so bucketing by group sorts the times
// by employee in one pass.
func (r *resolved) resolutions(outcomes []data.AgentOutcome, group []int32) []data.AgentResolution {
	next := make([]int, len(outcomes)+1) // per group: its count, then where its next time goes
	for i, s := range r.seconds {
		if s >= 0 {
			next[group[i]+1]++
		}
	}
	for g := 1; g < len(next); g++ {
		next[g] += next[g-1]
	}
	out := make([]data.AgentResolution, next[len(next)-1])
	for i, s := range r.seconds {
		if s >= 0 {
			g := group[i]
			out[next[g]] = data.AgentResolution{EmployeeID: outcomes[g].EmployeeID, Seconds: s}
			next[g]++
		}
	}
	return out
}

// feedback counts, per employee, the scores of feedback given from..to by
// the clients whose complaints they resolved in the period.
func (r *resolved) feedback(ctx context.Context, tx *sql.Tx, from, to data.Day) (map[int64]data.ScoreCounts, error) {
	var clients, scores sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(client_id), group_concat(coalesce(score, -1))
		FROM feedback INDEXED BY feedback_scorecard WHERE day BETWEEN ? AND ? AND client_id IS NOT NULL`, from, to).
		Scan(&clients, &scores)
	if err != nil {
		return nil, err
	}
	cs, err := splitInts(clients.String)
	if err != nil {
		return nil, fmt.Errorf("read feedback: %w", err)
	}
	ss, err := splitInts(scores.String)
	if err != nil {
		return nil, fmt.Errorf("read feedback: %w", err)
	}
	if len(ss) != len(cs) {
		return nil, fmt.Errorf("read feedback: %d scores for %d clients", len(ss), len(cs))
	}
	byClient := map[int64]*data.ScoreCounts{}
	for i, c := range cs {
		sc := byClient[c]
		if sc == nil {
			sc = &data.ScoreCounts{}
			byClient[c] = sc
		}
		if s := ss[i]; s >= 0 && s <= 10 {
			sc.Scores[s]++
		} else {
			sc.Unscored++
		}
	}
	type pair struct{ emp, client int64 }
	seen := map[pair]bool{}
	out := map[int64]data.ScoreCounts{}
	for i, c := range r.client {
		sc := byClient[c]
		if sc == nil || seen[pair{r.assignee[i], c}] {
			continue
		}
		seen[pair{r.assignee[i], c}] = true
		total := out[r.assignee[i]]
		total.Add(*sc)
		out[r.assignee[i]] = total
	}
	return out, nil
}

// splitInts parses a group_concat list of integers ("" = none).
func splitInts(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	out := make([]int64, 0, len(s)/4+1)
	var v int64
	neg, digits := false, 0
	for i := 0; i <= len(s); i++ {
		var c byte = ','
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + int64(c-'0')
			digits++
		case c == ',':
			if digits == 0 {
				return nil, fmt.Errorf("empty number at %d", i)
			}
			if neg {
				v = -v
			}
			out = append(out, v)
			v, neg, digits = 0, false, 0
		case c == '-' && digits == 0 && !neg:
			neg = true
		default:
			return nil, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	return out, nil
}
