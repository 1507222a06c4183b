package kpi

import "caredesk/data"

// SLAStat is one standard's compliance in one period (or a whole range).
type SLAStat struct {
	Period             Period
	Achieved, Breached int64
	Compliance         float64 // achieved / (achieved + breached), percent; NaN when none finished
	Change             Change  // against the previous period that had finished items
}

// SLASeries is one standard's compliance per period, its total and the
// items running now.
type SLASeries struct {
	StandardID  int64
	Code, Title string
	Goal        float64 // compliance the standard aims for, percent (data.Standard.GoalOrDefault)
	By          Granularity
	Periods     []SLAStat
	Total       SLAStat
	Open        data.SLAOpen // running now: at risk, breached, paused
}

func slaStat(p Period, achieved, breached int64) SLAStat {
	return SLAStat{Period: p, Achieved: achieved, Breached: breached, Compliance: shareOf(achieved, achieved+breached).Value}
}

// SLATrend groups daily SLA outcomes into periods, one series per standard
// in the order of standards (all of them, also those without finished
// items). Outcomes of standards not listed are left out: a deleted
// standard has no name to show.
func SLATrend(days []data.SLADay, open []data.SLAOpen, standards []data.Standard, by Granularity, from, to data.Day) []SLASeries {
	var seen span
	for _, d := range days {
		seen.see(d.Day)
	}
	from, to, ok := seen.bounds(from, to)
	if !ok || to < from {
		return nil
	}
	periods := Periods(from, to, by)
	index := newPeriodIndex(periods, from, to)
	pos := make(map[int64]int, len(standards))
	out := make([]SLASeries, len(standards))
	type pair struct{ achieved, breached int64 }
	sums := make([][]pair, len(standards))
	for i, s := range standards {
		pos[s.ID] = i
		out[i] = SLASeries{StandardID: s.ID, Code: s.Code, Title: s.Title, Goal: s.GoalOrDefault(), By: by, Open: data.SLAOpen{StandardID: s.ID}}
		sums[i] = make([]pair, len(periods))
	}
	for _, d := range days {
		i, ok := pos[d.StandardID]
		if !ok || d.Day < from || d.Day > to {
			continue
		}
		p := &sums[i][index.at(d.Day)]
		p.achieved += d.Achieved
		p.breached += d.Breached
	}
	for _, o := range open {
		if i, ok := pos[o.StandardID]; ok {
			out[i].Open = o
		}
	}
	for i := range out {
		s := &out[i]
		s.Periods = make([]SLAStat, len(periods))
		var prev *SLAStat
		var total pair
		for k, p := range periods {
			st := slaStat(p, sums[i][k].achieved, sums[i][k].breached)
			if prev != nil {
				st.Change = compareShares(
					Share{Num: prev.Achieved, Den: prev.Achieved + prev.Breached, Value: prev.Compliance},
					Share{Num: st.Achieved, Den: st.Achieved + st.Breached, Value: st.Compliance})
			}
			s.Periods[k] = st
			if st.Achieved+st.Breached > 0 {
				prev = &s.Periods[k]
			}
			total.achieved += st.Achieved
			total.breached += st.Breached
		}
		s.Total = slaStat(Period{Start: from, End: to, Label: "total"}, total.achieved, total.breached)
	}
	return out
}

// HasData reports whether any period of s has finished items.
func (s SLASeries) HasData() bool { return s.Total.Achieved+s.Total.Breached > 0 }
