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
		for k, p := range periods {
			s.Periods[k] = slaStat(p, sums[i][k].achieved, sums[i][k].breached)
		}
		s.compare(from, to)
	}
	return out
}

// compare sets each period's change against the previous period that had
// finished items (two-proportion test) and the total over [from, to].
func (s *SLASeries) compare(from, to data.Day) {
	var prev *SLAStat
	var achieved, breached int64
	for k := range s.Periods {
		st := &s.Periods[k]
		st.Change = Change{}
		if prev != nil {
			st.Change = compareShares(
				Share{Num: prev.Achieved, Den: prev.Achieved + prev.Breached, Value: prev.Compliance},
				Share{Num: st.Achieved, Den: st.Achieved + st.Breached, Value: st.Compliance})
		}
		if st.Achieved+st.Breached > 0 {
			prev = st
		}
		achieved += st.Achieved
		breached += st.Breached
	}
	s.Total = slaStat(Period{Start: from, End: to, Label: "total"}, achieved, breached)
}

// PooledSLA is every standard's items together: per period, all achieved
// over all finished items, with its change tested like a single
// standard's, and the running items summed. The series must come from
// one SLATrend call (same periods). Goal is the strictest standard's.
func PooledSLA(series []SLASeries) SLASeries {
	if len(series) == 0 {
		return SLASeries{}
	}
	out := SLASeries{By: series[0].By, Periods: make([]SLAStat, len(series[0].Periods))}
	for k := range out.Periods {
		var achieved, breached int64
		for _, s := range series {
			achieved += s.Periods[k].Achieved
			breached += s.Periods[k].Breached
		}
		out.Periods[k] = slaStat(series[0].Periods[k].Period, achieved, breached)
	}
	for _, s := range series {
		out.Goal = max(out.Goal, s.Goal)
		out.Open.Running += s.Open.Running
		out.Open.AtRisk += s.Open.AtRisk
		out.Open.Breached += s.Open.Breached
		out.Open.Paused += s.Open.Paused
	}
	out.compare(series[0].Total.Period.Start, series[0].Total.Period.End)
	return out
}

// HasData reports whether any period of s has finished items.
func (s SLASeries) HasData() bool { return s.Total.Achieved+s.Total.Breached > 0 }
