package kpi

import (
	"context"
	"fmt"
	"strings"
	"time"

	"caredesk/data"
)

// ComplaintQuery asks for complaint KPIs.
type ComplaintQuery struct {
	From, To data.Day // inclusive; 0 = the range of the data
	By       Granularity
	Segment  data.ComplaintSegmentation
	FCR      FCRDefinition
	Base     DenominatorBase
	// SegmentCounts leaves the segments' duration percentiles out: the
	// category charts read counts only, and the per-segment histograms are
	// most of a segmented load's time.
	SegmentCounts bool
}

// ComplaintSource is the part of the store complaint KPIs read;
// data.ComplaintStore satisfies it.
type ComplaintSource interface {
	ComplaintDaily(ctx context.Context, q data.ComplaintQuery) ([]data.ComplaintDay, error)
	ComplaintDurations(ctx context.Context, q data.ComplaintQuery) ([]data.DurationCount, error)
	ComplaintBacklogBefore(ctx context.Context, d data.Day, by data.ComplaintSegmentation) (map[string]int64, error)
	ComplaintRange(ctx context.Context) (first, last data.Day, ok bool, err error)
	Denominators(ctx context.Context) ([]data.Denominator, error)
}

// LoadComplaints reads the rollups of q's range and returns the overall
// series and, when segmented, one series per segment value: the pipeline
// the dashboard and `caredesk kpi complaints` share.
func LoadComplaints(ctx context.Context, src ComplaintSource, q ComplaintQuery) (overall ComplaintSeries, segments []ComplaintSeries, err error) {
	empty := noComplaints(q.By, q.FCR, q.Base)
	if q.From == 0 || q.To == 0 {
		first, last, ok, err := src.ComplaintRange(ctx)
		if err != nil {
			return empty, nil, fmt.Errorf("complaint range: %w", err)
		}
		if !ok {
			return empty, nil, nil
		}
		if q.From == 0 {
			q.From = first
		}
		if q.To == 0 {
			q.To = last
		}
	}
	dens, err := src.Denominators(ctx)
	if err != nil {
		return empty, nil, fmt.Errorf("complaint denominators: %w", err)
	}
	load := func(by data.ComplaintSegmentation, durations bool) ([]ComplaintSeries, error) {
		dq := data.ComplaintQuery{From: q.From, To: q.To, By: by}
		in := ComplaintInput{Denominators: dens}
		var err error
		if in.Days, err = src.ComplaintDaily(ctx, dq); err != nil {
			return nil, fmt.Errorf("complaint rollups: %w", err)
		}
		if durations {
			if in.Durations, err = src.ComplaintDurations(ctx, dq); err != nil {
				return nil, fmt.Errorf("complaint durations: %w", err)
			}
		}
		if in.Backlog, err = src.ComplaintBacklogBefore(ctx, q.From, by); err != nil {
			return nil, fmt.Errorf("complaint backlog: %w", err)
		}
		return ComplaintTrend(in, ComplaintOptions{By: q.By, From: q.From, To: q.To, FCR: q.FCR, Base: q.Base}), nil
	}
	all, err := load(data.ComplaintsBy, true)
	if err != nil {
		return empty, nil, err
	}
	overall = OverallComplaints(all, q.By)
	if len(overall.Periods) == 0 {
		// No rollups at all in the range: still one row per period.
		overall = ComplaintTrend(ComplaintInput{Backlog: map[string]int64{"": 0}, Denominators: dens},
			ComplaintOptions{By: q.By, From: q.From, To: q.To, FCR: q.FCR, Base: q.Base})[0]
	}
	if q.Segment == data.ComplaintsBy {
		return overall, nil, nil
	}
	segments, err = load(q.Segment, !q.SegmentCounts)
	return overall, segments, err
}

// LoadComplaintReport is LoadComplaints flattened into the JSON report.
func LoadComplaintReport(ctx context.Context, src ComplaintSource, q ComplaintQuery) (ComplaintReport, error) {
	overall, segs, err := LoadComplaints(ctx, src, q)
	if err != nil {
		return ComplaintReport{}, err
	}
	if overall.FCR == "" {
		overall.FCR = FCRStrict
	}
	if overall.Base == "" {
		overall.Base = BaseClients
	}
	return BuildComplaintReport(overall, string(q.Segment), segs), nil
}

// SLAQuery asks for SLA compliance.
type SLAQuery struct {
	From, To data.Day // inclusive; 0 = the range of the data
	By       Granularity
	Standard string    // code; "" = every standard
	Now      time.Time // for the items running now
}

// SLASource is the part of the store SLA compliance reads; data.Store
// satisfies it.
type SLASource interface {
	SLADaily(ctx context.Context, q data.SLAQuery) ([]data.SLADay, error)
	OpenSLA(ctx context.Context, now time.Time) ([]data.SLAOpen, error)
	Standards(ctx context.Context) ([]data.Standard, error)
}

// LoadSLA returns one compliance series per standard (or the one named by
// q.Standard; data.ErrNotFound when no standard has that code).
func LoadSLA(ctx context.Context, src SLASource, q SLAQuery) ([]SLASeries, error) {
	standards, err := src.Standards(ctx)
	if err != nil {
		return nil, fmt.Errorf("standards: %w", err)
	}
	var id int64
	if code := strings.TrimSpace(q.Standard); code != "" {
		var picked []data.Standard
		for _, s := range standards {
			if strings.EqualFold(s.Code, code) {
				picked = append(picked, s)
				id = s.ID
			}
		}
		if len(picked) == 0 {
			return nil, fmt.Errorf("standard %q: %w", code, data.ErrNotFound)
		}
		standards = picked
	}
	days, err := src.SLADaily(ctx, data.SLAQuery{From: q.From, To: q.To, StandardID: id})
	if err != nil {
		return nil, fmt.Errorf("sla rollups: %w", err)
	}
	open, err := src.OpenSLA(ctx, q.Now)
	if err != nil {
		return nil, fmt.Errorf("open sla items: %w", err)
	}
	return SLATrend(days, open, standards, q.By, q.From, q.To), nil
}
