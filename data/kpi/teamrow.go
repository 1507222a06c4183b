package kpi

import "caredesk/data"

// FigureRow is a ScoreValue flattened for JSON and tables: one decimal,
// undefined values nil (null).
type FigureRow struct {
	Value      *float64 `json:"value"`
	N          int64    `json:"n"`
	TeamMedian *float64 `json:"team_median,omitempty"`
	VsTeam     *float64 `json:"vs_team,omitempty"`
}

// Row flattens v.
func (v ScoreValue) Row() FigureRow {
	return FigureRow{Value: round1(v.Value), N: v.N, TeamMedian: round1(v.TeamMedian), VsTeam: round1(v.VsTeam)}
}

// ScorecardRow is an AgentScorecard flattened for JSON and tables; the
// figures are keyed by ScoreMetric.
type ScorecardRow struct {
	EmployeeID int64                     `json:"employee_id,omitempty"`
	Name       string                    `json:"name,omitempty"`
	Position   string                    `json:"position,omitempty"`
	Status     data.EmployeeStatus       `json:"status,omitempty"`
	Figures    map[ScoreMetric]FigureRow `json:"figures"`
	NPSThin    bool                      `json:"nps_thin"` // NPS from fewer than ThinSample responses
	NPSLow     *float64                  `json:"nps_ci95_low"`
	NPSHigh    *float64                  `json:"nps_ci95_high"`
}

// Row flattens c.
func (c AgentScorecard) Row() ScorecardRow {
	r := ScorecardRow{EmployeeID: c.Employee.ID, Name: c.Employee.Name, Position: c.Employee.Position, Status: c.Employee.Status,
		Figures: make(map[ScoreMetric]FigureRow, len(ScoreMetrics)),
		NPSThin: c.NPSStat.Thin && c.NPSStat.N > 0, NPSLow: round1(c.NPSStat.Low), NPSHigh: round1(c.NPSStat.High)}
	for _, m := range ScoreMetrics {
		r.Figures[m] = c.Value(m).Row()
	}
	return r
}

// ScorecardReport is the JSON document of `caredesk kpi agents --json`.
type ScorecardReport struct {
	Metric  string         `json:"metric"` // "agents"
	From    string         `json:"from"`
	To      string         `json:"to"`
	Partial bool           `json:"partial"` // the period is not over: figures so far
	Agents  []ScorecardRow `json:"agents"`
	Team    ScorecardRow   `json:"team"` // team medians; n = agents the median is over
}

// Report flattens the scorecards.
func (t TeamScorecards) Report() ScorecardReport {
	r := ScorecardReport{Metric: "agents", From: t.From.String(), To: t.To.String(), Partial: t.Partial,
		Agents: rowsOf(t.Agents, AgentScorecard.Row), Team: t.Team.Row()}
	for m, f := range r.Team.Figures {
		f.TeamMedian, f.VsTeam = nil, nil
		r.Team.Figures[m] = f
	}
	return r
}

// TrainingRow is a TrainingStat flattened for JSON and tables; money in
// currency units (two decimals), undefined values nil.
type TrainingRow struct {
	Period         string   `json:"period"`
	Planned        int64    `json:"planned"`
	Done           int64    `json:"done"`
	Overdue        int64    `json:"overdue"`
	CompletionRate *float64 `json:"completion_rate"` // percent done by the planned end
	Hours          float64  `json:"hours"`           // done
	Cost           float64  `json:"cost"`            // done
	HoursPlanned   float64  `json:"hours_planned"`
	CostPlanned    float64  `json:"cost_planned"`
	Budget         *float64 `json:"budget"` // nil when no budget covers the period
}

// Row flattens s.
func (s TrainingStat) Row() TrainingRow {
	r := TrainingRow{Period: s.Period.Label, Planned: s.Planned, Done: s.Done, Overdue: s.Overdue,
		CompletionRate: round1(s.CompletionRate.Value), Hours: *round1(s.HoursDone), Cost: money(s.CostDone),
		HoursPlanned: *round1(s.HoursPlanned), CostPlanned: money(s.CostPlanned)}
	if s.HasBudget {
		b := money(s.Budget)
		r.Budget = &b
	}
	return r
}

// TrainingReport is the JSON document of `caredesk kpi training --json`.
type TrainingReport struct {
	Metric  string        `json:"metric"` // "training"
	By      Granularity   `json:"by"`
	From    string        `json:"from,omitempty"`
	To      string        `json:"to,omitempty"`
	Periods []TrainingRow `json:"periods"`
	Total   TrainingRow   `json:"total"`
}

// Report flattens the series.
func (s TrainingSeries) Report() TrainingReport {
	r := TrainingReport{Metric: "training", By: s.By, Periods: rowsOf(s.Periods, TrainingStat.Row), Total: s.Total.Row()}
	if len(s.Periods) > 0 {
		r.From, r.To = s.Total.Period.Start.String(), s.Total.Period.End.String()
	}
	return r
}

// money is minor units in currency units.
func money(minor int64) float64 { return float64(minor) / 100 }
