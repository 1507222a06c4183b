package kpi

import "strconv"

// ComplaintRow is a ComplaintStat flattened for JSON, CSV and tables:
// shares in percent and rates rounded to one decimal, hours to two;
// undefined values (nothing to divide by) nil.
type ComplaintRow struct {
	Period                      string   `json:"period"`
	Opened                      int64    `json:"opened"`
	Resolved                    int64    `json:"resolved"`  // resolutions that happened in the period (the flow)
	Cancelled                   int64    `json:"cancelled"` // closings without a resolution in the period (withdrawn, cancelled)
	Backlog                     int64    `json:"backlog"`
	Negative                    int64    `json:"negative"`
	RatePer1000                 *float64 `json:"rate_per_1000"`
	FirstResponseMedianH        *float64 `json:"first_response_median_h"`
	FirstResponseP90H           *float64 `json:"first_response_p90_h"`
	ResolutionMedianH           *float64 `json:"resolution_median_h"`
	ResolutionP90H              *float64 `json:"resolution_p90_h"`
	FirstResponseMedianWorkingH *float64 `json:"first_response_median_working_h"`
	FirstResponseP90WorkingH    *float64 `json:"first_response_p90_working_h"`
	ResolutionMedianWorkingH    *float64 `json:"resolution_median_working_h"`
	ResolutionP90WorkingH       *float64 `json:"resolution_p90_working_h"`
	ReopenRate                  *float64 `json:"reopen_rate"`
	FCR                         *float64 `json:"fcr"`
	EscalationRate              *float64 `json:"escalation_rate"`
	SatisfiedShare              *float64 `json:"satisfied_share"`
	// Changes against the previous period, by the field name they belong to.
	Changes map[string]ChangeRow `json:"changes,omitempty"`
}

// ChangeRow is a Change flattened for JSON.
type ChangeRow struct {
	Delta       float64 `json:"delta"`
	P           float64 `json:"p"`
	Significant bool    `json:"significant"`
}

// Row flattens s.
func (s ComplaintStat) Row() ComplaintRow {
	r := ComplaintRow{
		Period: s.Period.Label, Opened: s.Counts.Opened, Resolved: s.Counts.Resolutions, Cancelled: s.Counts.Cancellations,
		Backlog: s.Backlog, Negative: s.Counts.Negative, RatePer1000: round2(s.RatePer1000),
		FirstResponseMedianH: round2(s.FirstResponse.Median), FirstResponseP90H: round2(s.FirstResponse.P90),
		ResolutionMedianH: round2(s.Resolution.Median), ResolutionP90H: round2(s.Resolution.P90),
		FirstResponseMedianWorkingH: round2(s.FirstResponseWorking.Median), FirstResponseP90WorkingH: round2(s.FirstResponseWorking.P90),
		ResolutionMedianWorkingH: round2(s.ResolutionWorking.Median), ResolutionP90WorkingH: round2(s.ResolutionWorking.P90),
		ReopenRate: round1(s.ReopenRate.Value), FCR: round1(s.FCR.Value),
		EscalationRate: round1(s.EscalationRate.Value), SatisfiedShare: round1(s.Satisfied.Value),
	}
	for name, c := range map[string]Change{
		"opened": s.OpenedChange, "resolved": s.ResolvedChange, "negative": s.NegativeChange,
		"rate_per_1000": s.RateChange, "reopen_rate": s.ReopenChange, "fcr": s.FCRChange,
		"escalation_rate": s.EscalationChange, "satisfied_share": s.SatisfiedChange,
	} {
		if !c.Has {
			continue
		}
		if r.Changes == nil {
			r.Changes = map[string]ChangeRow{}
		}
		r.Changes[name] = c.row()
	}
	return r
}

// row flattens a change that has both sides (Has): its delta is defined.
func (c Change) row() ChangeRow {
	delta := 0.0
	if d := round2(c.Delta); d != nil {
		delta = *d
	}
	// Four significant digits: a p-value of 3e-9 must not print as 0.
	p, _ := strconv.ParseFloat(strconv.FormatFloat(c.P, 'g', 4, 64), 64)
	return ChangeRow{Delta: delta, P: p, Significant: c.Significant}
}

// ComplaintReport is the JSON document of `caredesk kpi complaints --json`.
type ComplaintReport struct {
	Metric string      `json:"metric"`
	By     Granularity `json:"by"`
	From   string      `json:"from,omitempty"`
	To     string      `json:"to,omitempty"`
	// FCRDefinition travels with the fcr figures: the definitions differ.
	FCRDefinition     FCRDefinition            `json:"fcr_definition"`
	FCRDefinitionName string                   `json:"fcr_definition_name"`
	Base              DenominatorBase          `json:"rate_base"`
	Periods           []ComplaintRow           `json:"periods"`
	Total             ComplaintRow             `json:"total"`
	Segment           string                   `json:"segment,omitempty"`
	Segments          []ComplaintSegmentReport `json:"segments,omitempty"`
}

// ComplaintSegmentReport is one segment value's series in a ComplaintReport.
type ComplaintSegmentReport struct {
	Name    string         `json:"name"`
	Periods []ComplaintRow `json:"periods"`
	Total   ComplaintRow   `json:"total"`
}

// BuildComplaintReport builds the report of an overall series and the
// series of a segmented query.
func BuildComplaintReport(overall ComplaintSeries, segment string, segments []ComplaintSeries) ComplaintReport {
	r := ComplaintReport{
		Metric: "complaints", By: overall.By, FCRDefinition: overall.FCR, FCRDefinitionName: overall.FCR.Name(),
		Base: overall.Base, Periods: rowsOf(overall.Periods, ComplaintStat.Row), Total: overall.Total.Row(), Segment: segment,
	}
	if len(overall.Periods) > 0 {
		r.From, r.To = overall.Total.Period.Start.String(), overall.Total.Period.End.String()
	}
	// Segment "" here is a value of the segmentation (no category, no
	// assignee), not the department.
	for _, s := range segments {
		r.Segments = append(r.Segments, ComplaintSegmentReport{Name: s.Segment, Periods: rowsOf(s.Periods, ComplaintStat.Row), Total: s.Total.Row()})
	}
	return r
}

// SLARow is an SLAStat flattened for JSON.
type SLARow struct {
	Period     string     `json:"period"`
	Achieved   int64      `json:"achieved"`
	Breached   int64      `json:"breached"`
	Compliance *float64   `json:"compliance"` // percent
	Change     *ChangeRow `json:"change,omitempty"`
}

// Row flattens s.
func (s SLAStat) Row() SLARow {
	r := SLARow{Period: s.Period.Label, Achieved: s.Achieved, Breached: s.Breached, Compliance: round1(s.Compliance)}
	if s.Change.Has {
		cr := s.Change.row()
		r.Change = &cr
	}
	return r
}

// SLAStandardReport is one standard in an SLAReport: compliance per period
// and in total, and the items running now.
type SLAStandardReport struct {
	Code         string   `json:"code"`
	Title        string   `json:"title"`
	Periods      []SLARow `json:"periods"`
	Total        SLARow   `json:"total"`
	OpenRunning  int64    `json:"open_running"`
	OpenAtRisk   int64    `json:"open_at_risk"`
	OpenBreached int64    `json:"open_breached"`
	OpenPaused   int64    `json:"open_paused"`
}

// SLAReport is the JSON document of `caredesk kpi sla --json`.
type SLAReport struct {
	Metric    string              `json:"metric"`
	By        Granularity         `json:"by"`
	From      string              `json:"from,omitempty"`
	To        string              `json:"to,omitempty"`
	Standards []SLAStandardReport `json:"standards"`
}

// BuildSLAReport flattens SLA series into the JSON report.
func BuildSLAReport(series []SLASeries, by Granularity) SLAReport {
	r := SLAReport{Metric: "sla", By: by, Standards: []SLAStandardReport{}}
	for _, s := range series {
		if r.From == "" && len(s.Periods) > 0 {
			r.From, r.To = s.Total.Period.Start.String(), s.Total.Period.End.String()
		}
		sr := SLAStandardReport{
			Code: s.Code, Title: s.Title, Periods: rowsOf(s.Periods, SLAStat.Row), Total: s.Total.Row(),
			OpenRunning: s.Open.Running, OpenAtRisk: s.Open.AtRisk, OpenBreached: s.Open.Breached, OpenPaused: s.Open.Paused,
		}
		r.Standards = append(r.Standards, sr)
	}
	return r
}
