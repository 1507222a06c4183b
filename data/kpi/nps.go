package kpi

import (
	"maps"
	"math"
	"slices"

	"caredesk/data"
)

// ThinSample is the n below which an NPS is flagged as too thin to trust.
const ThinSample = 30

// z95 is the two-sided 95% normal quantile.
const z95 = 1.959963984540054

// NPSStat is the NPS of one period (or of a whole range) with its
// uncertainty and its change against the previous period.
type NPSStat struct {
	Period  Period // zero for a total
	Segment string // "" when not segmented
	data.ScoreCounts
	N, Promoters, Passives, Detractors int64

	NPS float64 // %promoters − %detractors, −100..100; NaN when N = 0
	// SE is the adjusted-Wald standard error in NPS points (Rocks 2016:
	// n+3 with 0.75 added to promoters and to detractors).
	SE        float64
	MOE95     float64 // 1.96 · SE
	Low, High float64 // adjusted-Wald 95% interval, clamped to ±100

	HasDelta    bool    // a previous period with responses exists
	Delta       float64 // NPS − previous NPS
	Z, P        float64 // two-sample z statistic and its two-sided p-value
	Significant bool    // P < 0.05
	Thin        bool    // N < ThinSample
}

// NPS computes the statistic of one set of counts.
func NPS(c data.ScoreCounts) NPSStat {
	s := NPSStat{ScoreCounts: c, N: c.N(), Promoters: c.Promoters(), Passives: c.Passives(), Detractors: c.Detractors()}
	s.Thin = s.N < ThinSample
	if s.N == 0 {
		s.NPS, s.SE, s.MOE95, s.Low, s.High = math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
		return s
	}
	n := float64(s.N)
	s.NPS = 100 * (float64(s.Promoters) - float64(s.Detractors)) / n
	na := n + 3
	pa := (float64(s.Promoters) + 0.75) / na
	da := (float64(s.Detractors) + 0.75) / na
	adj := pa - da
	s.SE = 100 * math.Sqrt((pa+da-adj*adj)/na)
	s.MOE95 = z95 * s.SE
	s.Low = math.Max(-100, 100*adj-s.MOE95)
	s.High = math.Min(100, 100*adj+s.MOE95)
	return s
}

// Compare fills cur's change against prev with a two-sample z-test on the
// adjusted standard errors.
func Compare(prev, cur *NPSStat) {
	cur.HasDelta, cur.Delta, cur.Z, cur.P, cur.Significant = false, 0, 0, 1, false
	if prev.N == 0 || cur.N == 0 {
		return
	}
	cur.HasDelta = true
	cur.Delta = cur.NPS - prev.NPS
	se := math.Hypot(prev.SE, cur.SE)
	if se == 0 {
		return
	}
	cur.Z = cur.Delta / se
	cur.P = twoSidedP(cur.Z)
	cur.Significant = cur.P < 0.05
}

// Series is the NPS of consecutive periods for one segment.
type Series struct {
	By      Granularity
	Segment string
	Periods []NPSStat
	Total   NPSStat // the whole range
}

// Trend groups daily counts into periods of granularity by, over the days
// from..to (inclusive; 0 takes the range of the data), one Series per
// segment sorted by segment name ("" — the whole department — first).
// Periods without responses are kept (N = 0) so charts show gaps honestly;
// each period is compared with the previous one that had responses.
func Trend(days []data.DayScores, by Granularity, from, to data.Day) []Series {
	if len(days) == 0 {
		return nil
	}
	var seen span
	for _, d := range days {
		seen.see(d.Day)
	}
	from, to, _ = seen.bounds(from, to)
	if to < from {
		return nil
	}
	periods := Periods(from, to, by)
	index := newPeriodIndex(periods, from, to)
	type acc struct {
		per   []data.ScoreCounts
		total data.ScoreCounts
	}
	segs := map[string]*acc{}
	for _, d := range days {
		if d.Day < from || d.Day > to {
			continue
		}
		a := segs[d.Segment]
		if a == nil {
			a = &acc{per: make([]data.ScoreCounts, len(periods))}
			segs[d.Segment] = a
		}
		a.per[index.at(d.Day)].Add(d.ScoreCounts)
		a.total.Add(d.ScoreCounts)
	}
	out := make([]Series, 0, len(segs))
	for _, name := range slices.Sorted(maps.Keys(segs)) {
		a := segs[name]
		s := Series{By: by, Segment: name, Periods: make([]NPSStat, len(periods))}
		var prev *NPSStat
		for i, p := range periods {
			st := NPS(a.per[i])
			st.Period, st.Segment = p, name
			if prev != nil {
				Compare(prev, &st)
			}
			s.Periods[i] = st
			if st.N > 0 {
				prev = &s.Periods[i]
			}
		}
		s.Total = NPS(a.total)
		s.Total.Segment = name
		s.Total.Period = Period{Start: from, End: to, Label: "total"}
		out = append(out, s)
	}
	return out
}

// Overall returns the unsegmented series of Trend, or an empty one whose
// total is undefined (NaN, null in JSON) rather than an NPS of zero.
func Overall(series []Series, by Granularity) Series {
	for _, s := range series {
		if s.Segment == "" {
			return s
		}
	}
	total := NPS(data.ScoreCounts{})
	total.Period.Label = "total"
	return Series{By: by, Total: total}
}

// Span returns the first and last day of the series' periods (zeros when
// it has none).
func (s Series) Span() (from, to data.Day) {
	if len(s.Periods) == 0 {
		return 0, 0
	}
	return s.Periods[0].Period.Start, s.Periods[len(s.Periods)-1].Period.End
}

// Latest returns the last period that had responses.
func (s Series) Latest() (NPSStat, bool) {
	for i := len(s.Periods) - 1; i >= 0; i-- {
		if s.Periods[i].N > 0 {
			return s.Periods[i], true
		}
	}
	return NPSStat{}, false
}
