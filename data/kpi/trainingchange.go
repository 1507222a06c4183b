package kpi

import "caredesk/data"

// CompletionChange tests the completion rate of cur against prev (two
// training periods, e.g. this quarter so far against the last one) with
// the two-proportion z-test; the delta is in percentage points.
func CompletionChange(prev, cur TrainingStat) Change {
	return compareShares(prev.CompletionRate, cur.CompletionRate)
}

// TrainingSpan is the training figures of exactly from..to (inclusive),
// which need not be whole periods: a quarter so far, or a budget's own
// dates. Budgets overlapping the span are prorated to it.
func TrainingSpan(in TrainingInput, from, to, today data.Day) TrainingStat {
	return trainingStat(in, Period{Start: from, End: to, Label: "total"}, today)
}
