package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// rangeFlags are the --from/--to/--by flags of kpi and chart.
type rangeFlags struct{ from, to, by string }

func (r *rangeFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&r.from, "from", "", lang.L("cli.help.first_month_yyyy_mm_default_first_respon"))
	cmd.Flags().StringVar(&r.to, "to", "", lang.L("cli.help.last_month_yyyy_mm_default_last_response"))
	cmd.Flags().StringVar(&r.by, "by", "month", lang.L("cli.help.period_week_month_quarter_or_year"))
}

func (r rangeFlags) parse() (from, to data.Day, by kpi.Granularity, err error) {
	if by, err = kpi.ParseGranularity(r.by); err != nil {
		return 0, 0, "", flagError("cli.err.by", map[string]any{"Value": r.by})
	}
	if r.from != "" {
		if from, err = kpi.ParseMonth(r.from, false); err != nil {
			return 0, 0, "", flagError("cli.err.month", map[string]any{"Flag": "--from", "Value": r.from})
		}
	}
	if r.to != "" {
		if to, err = kpi.ParseMonth(r.to, true); err != nil {
			return 0, 0, "", flagError("cli.err.month", map[string]any{"Flag": "--to", "Value": r.to})
		}
	}
	if from != 0 && to != 0 && from > to {
		err = flagError("cli.err.from_after_to", map[string]any{"From": r.from, "To": r.to})
	}
	return
}

func newKPICommand(a *app) *cobra.Command {
	k := &cobra.Command{Use: "kpi", Short: lang.L("cli.help.compute_kpis")}
	var rf rangeFlags
	var segment string
	var asJSON bool
	nps := &cobra.Command{
		Use:   "nps",
		Short: lang.L("cli.help.nps_per_period_with_95_interval_and_sign"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			seg := data.Segmentation(segment)
			switch seg {
			case data.SegmentNone, data.SegmentChannel, data.SegmentTouchpoint, data.SegmentTag, data.SegmentClientSegment:
			default:
				return flagError("cli.err.segment", map[string]any{"Value": segment})
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				rep, err := kpi.LoadNPSReport(cmd.Context(), st, kpi.NPSQuery{From: from, To: to, By: by, Segment: seg})
				if err != nil {
					return err
				}
				if asJSON {
					enc := json.NewEncoder(a.out)
					enc.SetIndent("", "  ")
					return enc.Encode(rep)
				}
				writeNPSTable(a.out, rep, seg)
				return nil
			})
		},
	}
	rf.add(nps)
	nps.Flags().StringVar(&segment, "segment", "", lang.L("cli.help.split_by_channel_touchpoint_tag_or_clien"))
	nps.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	k.AddCommand(nps, newComplaintKPICommand(a), newSLACommand(a), newTrainingKPICommand(a), newAgentsKPICommand(a))
	return k
}

// writeNPSTable prints the report as aligned columns, one block per segment.
func writeNPSTable(w io.Writer, rep kpi.NPSReport, seg data.Segmentation) {
	tw := newTable(w)
	block := func(title string, rows []kpi.NPSRow, total kpi.NPSRow) {
		if title != "" {
			fmt.Fprintf(tw, "%s\n", title) // no cell: left as written
		}
		fmt.Fprintf(tw, "%s\n", lang.L("cli.kpi.nps.header"))
		for _, r := range append(rows, total) {
			label := r.Period
			if label == "total" {
				label = lang.L("cli.kpi.total")
			}
			flags := ""
			if r.Significant {
				flags += "*"
			}
			if r.Thin && r.N > 0 {
				flags += " " + lang.L("cli.kpi.thin")
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t\n", label, r.N, r.Promoters, r.Passives, r.Detractors,
				signed(r.NPS), interval(r), signed(r.Delta), flags)
		}
		fmt.Fprintln(tw, "\t")
	}
	block("", rep.Periods, rep.Total)
	for _, s := range rep.Segments {
		title := s.Name
		switch {
		case seg == data.SegmentChannel:
			title = widgets.ChannelName(data.Channel(s.Name)) // the JSON keeps the code
		case title == "":
			title = "—"
		}
		block(title, s.Periods, s.Total)
	}
	tw.Flush()
	fmt.Fprintln(w, lang.L("cli.kpi.legend"))
}

// num writes a figure with one decimal in the language's number format.
func num(v *float64) string { return numDec(v, 1) }

// signed writes an NPS or a change with its sign, as the dashboard does.
func signed(v *float64) string {
	if v == nil {
		return "—"
	}
	return data.FormatSigned(widgets.Lang(), *v, 1)
}

func numDec(v *float64, decimals int) string {
	if v == nil {
		return "—"
	}
	return data.FormatNumber(widgets.Lang(), *v, decimals)
}

func interval(r kpi.NPSRow) string {
	if r.CI95Low == nil {
		return "—"
	}
	return num(r.CI95Low) + ".." + num(r.CI95High)
}

// newTable writes aligned columns, right-aligned, to w. Lines lose their
// trailing spaces: tabwriter pads the last cell (a flag column, mostly
// empty) to its width, which showed in diffs and in files.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(&trimmedLines{w: w}, 2, 4, 2, ' ', tabwriter.AlignRight)
}

// trimmedLines passes whole lines to w without their trailing spaces;
// tabwriter ends every line it writes, so nothing stays behind.
type trimmedLines struct {
	w       io.Writer
	partial []byte
}

func (t *trimmedLines) Write(p []byte) (int, error) {
	t.partial = append(t.partial, p...)
	for {
		i := bytes.IndexByte(t.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := bytes.TrimRight(t.partial[:i], " ")
		if _, err := t.w.Write(line); err != nil {
			return 0, err
		}
		if _, err := t.w.Write([]byte{'\n'}); err != nil {
			return 0, err
		}
		t.partial = t.partial[i+1:]
	}
}
