package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/charts"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

func newComplaintKPICommand(a *app) *cobra.Command {
	var rf rangeFlags
	var segment, fcr, base string
	var asJSON bool
	c := &cobra.Command{
		Use:   "complaints",
		Short: lang.L("complaintcli.help.kpi_complaints"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			seg := data.ComplaintSegmentation(segment)
			switch seg {
			case data.ComplaintsBy, data.ComplaintsByCategory, data.ComplaintsByChannel, data.ComplaintsByPriority,
				data.ComplaintsByAssignee, data.ComplaintsByClientTier:
			default:
				return flagError("complaintcli.err.segment", map[string]any{"Value": segment})
			}
			q := kpi.ComplaintQuery{From: from, To: to, By: by, Segment: seg}
			if q.FCR, err = kpi.ParseFCRDefinition(fcr); err != nil {
				return flagError("complaintcli.err.fcr", map[string]any{"Value": fcr})
			}
			if q.Base, err = kpi.ParseDenominatorBase(base); err != nil {
				return flagError("complaintcli.err.base", map[string]any{"Value": base})
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				rep, err := kpi.LoadComplaintReport(cmd.Context(), st, q)
				if err != nil {
					return err
				}
				names, err := segmentNames(cmd.Context(), st, seg)
				if err != nil {
					return err
				}
				for i := range rep.Segments {
					rep.Segments[i].Name = names(rep.Segments[i].Name)
				}
				if asJSON {
					return writeJSON(a.out, rep)
				}
				writeComplaintTable(a.out, rep)
				return nil
			})
		},
	}
	rf.addForComplaints(c)
	c.Flags().StringVar(&segment, "segment", "", lang.L("complaintcli.help.segment"))
	c.Flags().StringVar(&fcr, "fcr", string(kpi.FCRStrict), lang.L("complaintcli.help.fcr"))
	c.Flags().StringVar(&base, "base", string(kpi.BaseClients), lang.L("complaintcli.help.base"))
	c.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	return c
}

func newSLACommand(a *app) *cobra.Command {
	var rf rangeFlags
	var standard string
	var asJSON bool
	c := &cobra.Command{
		Use:   "sla",
		Short: lang.L("complaintcli.help.kpi_sla"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				series, err := kpi.LoadSLA(cmd.Context(), st, kpi.SLAQuery{From: from, To: to, By: by, Standard: standard, Now: time.Now()})
				if errors.Is(err, data.ErrNotFound) {
					return flagError("complaintcli.err.standard", map[string]any{"Value": standard})
				}
				if err != nil {
					return err
				}
				rep := kpi.BuildSLAReport(series, by)
				if asJSON {
					return writeJSON(a.out, rep)
				}
				writeSLATable(a.out, rep)
				return nil
			})
		},
	}
	rf.addForComplaints(c)
	c.Flags().StringVar(&standard, "standard", "", lang.L("complaintcli.help.standard"))
	c.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	return c
}

// addForComplaints adds the range flags with defaults named after
// complaints rather than responses.
func (r *rangeFlags) addForComplaints(cmd *cobra.Command) {
	r.add(cmd)
	cmd.Flags().Lookup("from").Usage = lang.L("complaintcli.help.from")
	cmd.Flags().Lookup("to").Usage = lang.L("complaintcli.help.to")
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// segmentNames turns the segment values of a complaint report (category
// and employee ids, channel and priority codes) into names for people.
func segmentNames(ctx context.Context, st data.Store, seg data.ComplaintSegmentation) (func(string) string, error) {
	names := map[string]string{}
	none := ""
	switch seg {
	case data.ComplaintsByCategory:
		cats, err := st.Categories(ctx)
		if err != nil {
			return nil, err
		}
		names = data.CategoryNames(cats, widgets.Lang())
		none = lang.L("complaintcli.segment.no_category")
	case data.ComplaintsByAssignee:
		emps, err := st.Employees(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range emps {
			names[data.SegmentKey(e.ID)] = e.Name
		}
		none = lang.L("complaintcli.segment.unassigned")
	case data.ComplaintsByPriority:
		for _, p := range data.Priorities {
			names[string(p)] = widgets.PriorityName(p)
		}
	case data.ComplaintsByClientTier:
		none = lang.L("complaintcli.segment.no_tier")
	}
	return func(v string) string {
		if n, ok := names[v]; ok {
			return n
		}
		if v == "" && none != "" {
			return none
		}
		return v
	}, nil
}

// writeComplaintTable prints the report as aligned columns, one block per
// segment. A figure whose change against the previous period is
// significant carries a star.
func writeComplaintTable(w io.Writer, rep kpi.ComplaintReport) {
	tw := newTable(w)
	block := func(title string, rows []kpi.ComplaintRow, total kpi.ComplaintRow) {
		if title != "" {
			fmt.Fprintln(tw, title) // no cell: a long name must not widen the period column
		}
		fmt.Fprintf(tw, "%s\n", lang.L("complaintcli.kpi.header"))
		for _, r := range append(rows, total) {
			label := r.Period
			if label == "total" {
				label = lang.L("cli.kpi.total")
			}
			star := func(field string) string {
				if r.Changes[field].Significant {
					return "*"
				}
				return ""
			}
			fmt.Fprintf(tw, "%s\t%d%s\t%d%s\t%d\t%d\t%d%s\t%s%s\t%s\t%s\t%s\t%s\t%s%s\t%s%s\t%s%s\t%s%s\t\n", label,
				r.Opened, star("opened"), r.Resolved, star("resolved"), r.Cancelled, r.Backlog, r.Negative, star("negative"),
				num(r.RatePer1000), star("rate_per_1000"),
				num2(r.FirstResponseMedianH), num2(r.FirstResponseP90H), num2(r.ResolutionMedianH), num2(r.ResolutionP90H),
				num(r.ReopenRate), star("reopen_rate"), num(r.FCR), star("fcr"),
				num(r.EscalationRate), star("escalation_rate"), num(r.SatisfiedShare), star("satisfied_share"))
		}
		fmt.Fprintln(tw)
	}
	block("", rep.Periods, rep.Total)
	for _, s := range rep.Segments {
		block(s.Name, s.Periods, s.Total)
	}
	tw.Flush()
	fmt.Fprintln(w, lang.L("complaintcli.kpi.legend", map[string]any{
		"FCR": lang.L(rep.FCRDefinition.Key()), "Base": lang.L("complaintcli.base." + string(rep.Base))}))
}

// writeSLATable prints compliance per standard and period, then the items
// running now.
func writeSLATable(w io.Writer, rep kpi.SLAReport) {
	if len(rep.Standards) == 0 {
		fmt.Fprintln(w, lang.L("complaintcli.sla.none"))
		return
	}
	tw := newTable(w)
	for _, s := range rep.Standards {
		fmt.Fprintf(tw, "%s — %s\n", s.Code, s.Title)
		fmt.Fprintf(tw, "%s\n", lang.L("complaintcli.sla.header"))
		for _, r := range append(s.Periods, s.Total) {
			label := r.Period
			if label == "total" {
				label = lang.L("cli.kpi.total")
			}
			change, flag := "—", ""
			if r.Change != nil {
				change = data.FormatSigned(widgets.Lang(), r.Change.Delta, 1)
				if r.Change.Significant {
					flag = "*"
				}
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t\n", label, r.Achieved, r.Breached, num(r.Compliance), change, flag)
		}
		fmt.Fprintln(tw, lang.L("complaintcli.sla.open", map[string]any{
			"Running": s.OpenRunning, "AtRisk": s.OpenAtRisk, "Breached": s.OpenBreached, "Paused": s.OpenPaused}))
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(w, lang.L("complaintcli.sla.legend"))
}

func num2(v *float64) string { return numDec(v, 2) }

// buildComplaintChart loads what a complaint chart draws (the department's
// series with its categories, or SLA compliance) and builds it.
func buildComplaintChart(ctx context.Context, st data.Store, kind charts.Kind, from, to data.Day, by kpi.Granularity, working bool, opt charts.Options) (*charts.Chart, error) {
	var d charts.ComplaintData
	var span [2]data.Day
	if kind == charts.KindSLA {
		series, err := kpi.LoadSLA(ctx, st, kpi.SLAQuery{From: from, To: to, By: by, Now: time.Now()})
		if err != nil {
			return nil, err
		}
		d.SLA = series
		if len(series) > 0 && len(series[0].Periods) > 0 {
			span = [2]data.Day{series[0].Total.Period.Start, series[0].Total.Period.End}
		}
	} else {
		overall, cats, err := kpi.LoadComplaints(ctx, st, kpi.ComplaintQuery{From: from, To: to, By: by, Segment: data.ComplaintsByCategory, SegmentCounts: true})
		if err != nil {
			return nil, err
		}
		d.Overall, d.Categories, d.Working = overall, cats, working
		if n := len(overall.Periods); n > 0 {
			span = [2]data.Day{overall.Periods[0].Period.Start, overall.Periods[n-1].Period.End}
		}
		categories, err := st.Categories(ctx)
		if err != nil {
			return nil, err
		}
		d.CategoryNames = data.CategoryNames(categories, widgets.Lang())
	}
	opt.Labels = widgets.ChartLabels(kind, widgets.RangeLabel(span[0], span[1], string(by)))
	return charts.BuildComplaints(kind, d, opt)
}
