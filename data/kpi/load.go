package kpi

import (
	"context"

	"caredesk/data"
)

// NPSQuery asks for an NPS series.
type NPSQuery struct {
	From, To   data.Day // inclusive; 0 = the range of the data
	By         Granularity
	Segment    data.Segmentation
	Channels   []data.Channel
	Touchpoint string
}

// DailySource is the part of the store NPS needs; reading through it is
// the only thing this package asks of the outside.
type DailySource interface {
	FeedbackDaily(ctx context.Context, q data.DailyQuery) ([]data.DayScores, error)
}

// LoadNPS reads daily counts and returns the overall series and, when the
// query is segmented, one series per segment value — the one pipeline both
// the dashboard and `caredesk kpi nps` use.
func LoadNPS(ctx context.Context, src DailySource, q NPSQuery) (overall Series, segments []Series, err error) {
	dq := data.DailyQuery{From: q.From, To: q.To, Channels: q.Channels, Touchpoint: q.Touchpoint}
	days, err := src.FeedbackDaily(ctx, dq)
	if err != nil {
		return Series{}, nil, err
	}
	overall = Overall(Trend(days, q.By, q.From, q.To), q.By)
	if q.Segment == data.SegmentNone || len(overall.Periods) == 0 {
		return overall, nil, nil
	}
	dq.By = q.Segment
	seg, err := src.FeedbackDaily(ctx, dq)
	if err != nil {
		return Series{}, nil, err
	}
	// Segments share the overall range so their periods line up.
	return overall, Trend(seg, q.By, overall.Total.Period.Start, overall.Total.Period.End), nil
}

// LoadNPSReport is LoadNPS flattened into the JSON report.
func LoadNPSReport(ctx context.Context, src DailySource, q NPSQuery) (NPSReport, error) {
	overall, segs, err := LoadNPS(ctx, src, q)
	if err != nil {
		return NPSReport{}, err
	}
	if overall.By == "" {
		overall.By = q.By
	}
	return Report(overall, string(q.Segment), segs), nil
}
