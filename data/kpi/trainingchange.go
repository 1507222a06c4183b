package kpi

// CompletionChange tests the completion rate of cur against prev (two
// training periods, e.g. this quarter so far against the last one) with
// the two-proportion z-test; the delta is in percentage points.
func CompletionChange(prev, cur TrainingStat) Change {
	return compareShares(prev.CompletionRate, cur.CompletionRate)
}
