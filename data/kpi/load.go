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
	// Segments share the overall range so their periods line up.
	q.From, q.To = overall.Span()
	segments, err = LoadSegments(ctx, src, q)
	return overall, segments, err
}

// LoadSegments returns one series per value of q.Segment over q's range,
// for callers that already hold the overall series (the dashboard shows it
// first and the slower segment query after).
func LoadSegments(ctx context.Context, src DailySource, q NPSQuery) ([]Series, error) {
	days, err := src.FeedbackDaily(ctx, data.DailyQuery{From: q.From, To: q.To, By: q.Segment, Channels: q.Channels, Touchpoint: q.Touchpoint})
	if err != nil {
		return nil, err
	}
	return Trend(days, q.By, q.From, q.To), nil
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
