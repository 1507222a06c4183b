package kpi

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"caredesk/data"
)

// FCRDefinition selects what counts as first contact resolution; the
// definition is printed with the figure because the two differ a lot.
type FCRDefinition string

// FCR definitions.
const (
	// FCRStrict: resolved with no reopen, no escalation and one agent.
	FCRStrict FCRDefinition = "strict"
	// FCRNoReopen: resolved with no reopen.
	FCRNoReopen FCRDefinition = "no-reopen"
)

// ParseFCRDefinition accepts strict or no-reopen ("" = strict).
func ParseFCRDefinition(s string) (FCRDefinition, error) {
	switch d := FCRDefinition(strings.ToLower(strings.TrimSpace(s))); d {
	case "", FCRStrict:
		return FCRStrict, nil
	case FCRNoReopen:
		return d, nil
	}
	return "", fmt.Errorf("unknown FCR definition %q: want %s or %s", s, FCRStrict, FCRNoReopen)
}

// Name is the definition in English words, for JSON and logs.
func (d FCRDefinition) Name() string {
	if d == FCRNoReopen {
		return "resolved with no reopen"
	}
	return "resolved with no reopen, no escalation, one agent"
}

// Key is the translation key of the definition's name.
func (d FCRDefinition) Key() string {
	if d == FCRNoReopen {
		return "kpi.fcr.no_reopen"
	}
	return "kpi.fcr.strict"
}

// DenominatorBase is what complaints per 1,000 are counted against.
type DenominatorBase string

// Bases of the complaint rate.
const (
	BaseClients DenominatorBase = "clients"
	BaseOrders  DenominatorBase = "orders"
)

// ParseDenominatorBase accepts clients or orders ("" = clients).
func ParseDenominatorBase(s string) (DenominatorBase, error) {
	switch b := DenominatorBase(strings.ToLower(strings.TrimSpace(s))); b {
	case "", BaseClients:
		return BaseClients, nil
	case BaseOrders:
		return b, nil
	}
	return "", fmt.Errorf("unknown base %q: want %s or %s", s, BaseClients, BaseOrders)
}

// ComplaintStat is the complaint KPIs of one period (or of a whole range).
// Shares are in percent and durations in hours; undefined figures are NaN.
type ComplaintStat struct {
	Period  Period // Label "total" for a whole range
	Segment string
	Days    int               // days of the period inside the range: the exposure of count tests
	Counts  data.ComplaintDay // the period's rollups summed (Day and Segment unset)

	BacklogStart, Backlog int64 // open at the start and at the end of the period

	Base        float64 // clients or orders in the period (months prorated by day); NaN when a month lacks it
	RatePer1000 float64 // negative complaints per 1,000 of Base

	FirstResponse, FirstResponseWorking DurationStat
	Resolution, ResolutionWorking       DurationStat

	ReopenRate     Share // reopened / resolved
	FCR            Share // FCR (by the series' definition) / resolved
	EscalationRate Share // escalated / opened
	Satisfied      Share // satisfied / resolved with a verdict

	// Changes against the previous period of the series (none for the
	// first period and for totals); "resolved" is the resolutions flow,
	// like the backlog. Counts are tested as Poisson rates
	// per day, the rate per 1,000 against its base, shares with the
	// two-proportion z-test.
	OpenedChange, ResolvedChange, NegativeChange, RateChange   Change
	ReopenChange, FCRChange, EscalationChange, SatisfiedChange Change
}

// ComplaintSeries is the complaint KPIs of consecutive periods for one
// segment value ("" = the whole department).
type ComplaintSeries struct {
	By      Granularity
	Segment string
	FCR     FCRDefinition
	Base    DenominatorBase
	Periods []ComplaintStat
	Total   ComplaintStat
}

// ComplaintInput is what the store gives for a range: rollups per day
// (and segment), duration histograms, the backlog open at the start of
// the range (per segment) and the monthly denominators.
type ComplaintInput struct {
	Days         []data.ComplaintDay
	Durations    []data.DurationCount
	Backlog      map[string]int64
	Denominators []data.Denominator
}

// ComplaintOptions shapes ComplaintTrend.
type ComplaintOptions struct {
	By       Granularity
	From, To data.Day // inclusive; 0 takes the range of the data
	FCR      FCRDefinition
	Base     DenominatorBase
}

// complaintAcc sums one segment's rollups per period.
type complaintAcc struct {
	counts []data.ComplaintDay
	hist   [][4]Histogram // per period: FRT calendar, FRT working, resolution calendar, resolution working
}

// measureIndex is the histogram slot of a measure, -1 when unknown.
func measureIndex(m data.DurationMeasure) int {
	switch m {
	case data.FirstResponseCalendar:
		return 0
	case data.FirstResponseWorking:
		return 1
	case data.ResolutionCalendar:
		return 2
	case data.ResolutionWorking:
		return 3
	}
	return -1
}

// ComplaintTrend groups daily complaint rollups into periods, one series
// per segment value sorted by name ("" first). Every period of the range
// is kept, also without complaints: zero complaints is a result.
func ComplaintTrend(in ComplaintInput, o ComplaintOptions) []ComplaintSeries {
	from, to := o.From, o.To
	if from == 0 || to == 0 { // the inputs are long: walk them only when needed
		var seen span
		for _, d := range in.Days {
			seen.see(d.Day)
		}
		for _, d := range in.Durations {
			seen.see(d.Day)
		}
		var ok bool
		if from, to, ok = seen.bounds(from, to); !ok {
			return nil
		}
	}
	if to < from {
		return nil
	}
	if o.FCR == "" {
		o.FCR = FCRStrict
	}
	if o.Base == "" {
		o.Base = BaseClients
	}
	periods := Periods(from, to, o.By)
	// A million complaints leave hundreds of thousands of histogram rows
	// and they come grouped, so the last segment's accumulator is kept at
	// hand.
	index := newPeriodIndex(periods, from, to)
	segs := map[string]*complaintAcc{}
	var lastSeg string
	var lastAcc *complaintAcc
	acc := func(seg string) *complaintAcc {
		if lastAcc != nil && seg == lastSeg {
			return lastAcc
		}
		a := segs[seg]
		if a == nil {
			a = &complaintAcc{counts: make([]data.ComplaintDay, len(periods)), hist: make([][4]Histogram, len(periods))}
			segs[seg] = a
		}
		lastSeg, lastAcc = seg, a
		return a
	}
	for seg := range in.Backlog {
		acc(seg)
	}
	for _, d := range in.Days {
		if d.Day < from || d.Day > to {
			continue
		}
		addComplaintDay(&acc(d.Segment).counts[index.at(d.Day)], d)
	}
	for _, d := range in.Durations {
		m := measureIndex(d.Measure)
		if m < 0 || d.Day < from || d.Day > to {
			continue
		}
		acc(d.Segment).hist[index.at(d.Day)][m].Add(d.Bucket, d.N)
	}
	bases := periodBases(in.Denominators, o.Base, periods, from, to)
	totalBase := sumBases(bases)

	out := make([]ComplaintSeries, 0, len(segs))
	for _, name := range slices.Sorted(maps.Keys(segs)) {
		a := segs[name]
		s := ComplaintSeries{By: o.By, Segment: name, FCR: o.FCR, Base: o.Base, Periods: make([]ComplaintStat, len(periods))}
		backlog := in.Backlog[name]
		var total data.ComplaintDay
		var totalHist [4]Histogram
		var lastShares complaintShares // the latest defined value of each share
		for i, p := range periods {
			days := int(min(p.End, to)-max(p.Start, from)) + 1
			base := math.NaN()
			if name == "" {
				// Denominators belong to the whole department: a segment's
				// complaints are not counted against all clients.
				base = bases[i]
			}
			st := complaintStat(p, name, days, a.counts[i], a.hist[i], backlog, base, o.FCR)
			backlog = st.Backlog
			if i > 0 {
				compareComplaints(&s.Periods[i-1], &st, &lastShares)
			}
			lastShares.update(&st)
			s.Periods[i] = st
			addComplaintDay(&total, a.counts[i])
			for m := range totalHist {
				totalHist[m].AddAll(a.hist[i][m])
			}
		}
		tb := math.NaN()
		if name == "" {
			tb = totalBase
		}
		s.Total = complaintStat(Period{Start: from, End: to, Label: "total"}, name, int(to-from)+1, total, totalHist, in.Backlog[name], tb, o.FCR)
		out = append(out, s)
	}
	return out
}

func complaintStat(p Period, seg string, days int, c data.ComplaintDay, h [4]Histogram, backlogStart int64, base float64, fcr FCRDefinition) ComplaintStat {
	st := ComplaintStat{
		Period: p, Segment: seg, Days: days, Counts: c,
		BacklogStart: backlogStart,
		Backlog:      backlogStart + c.Opened - c.Resolutions - c.Cancellations + c.Reopens,
		Base:         base, RatePer1000: math.NaN(),
		FirstResponse: durationStat(h[0]), FirstResponseWorking: durationStat(h[1]),
		Resolution: durationStat(h[2]), ResolutionWorking: durationStat(h[3]),
		ReopenRate:     shareOf(c.Reopened, c.Resolved),
		EscalationRate: shareOf(c.Escalated, c.Opened),
		Satisfied:      shareOf(c.Satisfied, c.WithVerdict),
	}
	if base > 0 {
		st.RatePer1000 = 1000 * float64(c.Negative) / base
	}
	fcrCount := c.FCR
	if fcr == FCRNoReopen {
		fcrCount = c.FCRReopen
	}
	st.FCR = shareOf(fcrCount, c.Resolved)
	return st
}

func addComplaintDay(dst *data.ComplaintDay, d data.ComplaintDay) {
	dst.Opened += d.Opened
	dst.Negative += d.Negative
	dst.Escalated += d.Escalated
	dst.Responded += d.Responded
	dst.Resolutions += d.Resolutions
	dst.Reopens += d.Reopens
	dst.Cancellations += d.Cancellations
	dst.Resolved += d.Resolved
	dst.Reopened += d.Reopened
	dst.FCR += d.FCR
	dst.FCRReopen += d.FCRReopen
	dst.Satisfied += d.Satisfied
	dst.WithVerdict += d.WithVerdict
}

// complaintShares holds, per share, the latest period where it was
// defined: a share is compared with that period, so a month without
// resolutions does not hide the change across it. Counts are compared
// with the period right before: zero complaints is a value.
type complaintShares struct{ reopen, fcr, escalation, satisfied Share }

func (l *complaintShares) update(st *ComplaintStat) {
	for _, p := range []struct {
		dst *Share
		src Share
	}{
		{&l.reopen, st.ReopenRate}, {&l.fcr, st.FCR}, {&l.escalation, st.EscalationRate}, {&l.satisfied, st.Satisfied},
	} {
		if p.src.Den > 0 {
			*p.dst = p.src
		}
	}
}

// compareComplaints fills cur's changes against the period before it
// (counts) and the latest defined shares.
func compareComplaints(prev, cur *ComplaintStat, last *complaintShares) {
	pd, cd := float64(prev.Days), float64(cur.Days)
	cur.OpenedChange = compareCounts(prev.Counts.Opened, pd, cur.Counts.Opened, cd)
	cur.ResolvedChange = compareCounts(prev.Counts.Resolutions, pd, cur.Counts.Resolutions, cd)
	cur.NegativeChange = compareCounts(prev.Counts.Negative, pd, cur.Counts.Negative, cd)
	cur.RateChange = compareCounts(prev.Counts.Negative, prev.Base, cur.Counts.Negative, cur.Base)
	if cur.RateChange.Has {
		cur.RateChange.Delta = cur.RatePer1000 - prev.RatePer1000
	}
	cur.ReopenChange = compareShares(last.reopen, cur.ReopenRate)
	cur.FCRChange = compareShares(last.fcr, cur.FCR)
	cur.EscalationChange = compareShares(last.escalation, cur.EscalationRate)
	cur.SatisfiedChange = compareShares(last.satisfied, cur.Satisfied)
}

// periodBases is each period's denominator: every month's figure spread
// evenly over its days, summed over the period's days inside [from, to].
// A period touching a month without a figure gets NaN: a rate on part of
// the base would be wrong, not approximate.
func periodBases(dens []data.Denominator, base DenominatorBase, periods []Period, from, to data.Day) []float64 {
	perMonth := map[data.Day]int64{}
	for _, d := range dens {
		v := d.Clients
		if base == BaseOrders {
			v = d.Orders
		}
		if v > 0 {
			perMonth[PeriodOf(d.Month, Month).Start] = v
		}
	}
	out := make([]float64, len(periods))
	for i, p := range periods {
		lo, hi := max(p.Start, from), min(p.End, to)
		sum := 0.0
		for d := lo; d <= hi; {
			m := PeriodOf(d, Month)
			end := min(m.End, hi)
			v, ok := perMonth[m.Start]
			if !ok {
				sum = math.NaN()
				break
			}
			sum += float64(v) * float64(end-d+1) / float64(m.End-m.Start+1)
			d = end + 1
		}
		out[i] = sum
	}
	return out
}

// sumBases adds the period bases; NaN when any is missing.
func sumBases(bases []float64) float64 {
	sum := 0.0
	for _, b := range bases {
		sum += b
	}
	if len(bases) == 0 {
		return math.NaN()
	}
	return sum
}

// OverallComplaints returns the unsegmented series, or an empty one.
func OverallComplaints(series []ComplaintSeries, by Granularity) ComplaintSeries {
	for _, s := range series {
		if s.Segment == "" {
			return s
		}
	}
	return noComplaints(by, "", "")
}

// noComplaints is the series of a range without data: no periods, and a
// total whose rates, shares and durations are undefined (NaN, null in
// JSON) rather than zero.
func noComplaints(by Granularity, fcr FCRDefinition, base DenominatorBase) ComplaintSeries {
	return ComplaintSeries{By: by, FCR: fcr, Base: base,
		Total: complaintStat(Period{Label: "total"}, "", 0, data.ComplaintDay{}, [4]Histogram{}, 0, math.NaN(), fcr)}
}

// Span returns the first and last day of the series' periods.
func (s ComplaintSeries) Span() (from, to data.Day) {
	if len(s.Periods) == 0 {
		return 0, 0
	}
	return s.Total.Period.Start, s.Total.Period.End
}

// LatestFull is the index of the last period wholly inside the series'
// range (a month still running would compare 26 days with 31), else of
// the last period; -1 without periods.
func (s ComplaintSeries) LatestFull() int {
	for i := len(s.Periods) - 1; i >= 0; i-- {
		if p := s.Periods[i]; p.Days == int(p.Period.End-p.Period.Start)+1 {
			return i
		}
	}
	return len(s.Periods) - 1
}
