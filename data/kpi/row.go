package kpi

import "math"

// NPSRow is an NPSStat flattened for JSON, CSV and tables: numbers rounded
// to one decimal, undefined values (no responses, no previous period) nil.
type NPSRow struct {
	Period      string   `json:"period"`
	N           int64    `json:"n"`
	Promoters   int64    `json:"promoters"`
	Passives    int64    `json:"passives"`
	Detractors  int64    `json:"detractors"`
	NPS         *float64 `json:"nps"`
	MOE95       *float64 `json:"moe95"`
	CI95Low     *float64 `json:"ci95_low"`
	CI95High    *float64 `json:"ci95_high"`
	Delta       *float64 `json:"delta"`
	Significant bool     `json:"significant"`
	Thin        bool     `json:"thin"`
}

// Row flattens s.
func (s NPSStat) Row() NPSRow {
	r := NPSRow{
		Period: s.Period.Label, N: s.N, Promoters: s.Promoters, Passives: s.Passives, Detractors: s.Detractors,
		NPS: round1(s.NPS), MOE95: round1(s.MOE95), CI95Low: round1(s.Low), CI95High: round1(s.High),
		Significant: s.Significant, Thin: s.Thin,
	}
	if s.HasDelta {
		r.Delta = round1(s.Delta)
	}
	return r
}

// rounded is v rounded to decimals places for JSON and tables; nil (null)
// when v is undefined (NaN, nothing to divide by).
func rounded(v float64, decimals int) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	scale := math.Pow10(decimals)
	r := math.Round(v*scale) / scale
	if r == 0 {
		r = 0 // no "-0"
	}
	return &r
}

func round1(v float64) *float64 { return rounded(v, 1) }
func round2(v float64) *float64 { return rounded(v, 2) }

// NPSReport is the JSON document of `caredesk kpi nps --json`.
type NPSReport struct {
	Metric   string          `json:"metric"`
	By       Granularity     `json:"by"`
	From     string          `json:"from,omitempty"`
	To       string          `json:"to,omitempty"`
	Periods  []NPSRow        `json:"periods"`
	Total    NPSRow          `json:"total"`
	Segment  string          `json:"segment,omitempty"`
	Segments []SegmentReport `json:"segments,omitempty"`
}

// SegmentReport is one segment value's series in an NPSReport.
type SegmentReport struct {
	Name    string   `json:"name"`
	Periods []NPSRow `json:"periods"`
	Total   NPSRow   `json:"total"`
}

// Report builds the report of an overall series and optional segment series.
func Report(overall Series, segment string, segments []Series) NPSReport {
	r := NPSReport{Metric: "nps", By: overall.By, Periods: rowsOf(overall.Periods, NPSStat.Row), Total: overall.Total.Row(), Segment: segment}
	if len(overall.Periods) > 0 {
		r.From, r.To = overall.Total.Period.Start.String(), overall.Total.Period.End.String()
	}
	for _, s := range segments {
		if s.Segment == "" {
			continue
		}
		r.Segments = append(r.Segments, SegmentReport{Name: s.Segment, Periods: rowsOf(s.Periods, NPSStat.Row), Total: s.Total.Row()})
	}
	return r
}

// rowsOf flattens each period's statistic; never nil, so JSON has [].
func rowsOf[S, R any](periods []S, row func(S) R) []R {
	out := make([]R, len(periods))
	for i, p := range periods {
		out[i] = row(p)
	}
	return out
}
