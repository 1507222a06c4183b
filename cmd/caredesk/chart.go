package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/charts"
	"caredesk/charts/report"
	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui"
	"caredesk/ui/widgets"
)

func newChartCommand(a *app) *cobra.Command {
	var rf rangeFlags
	var out string
	var width, height int
	var scale, target float64
	kinds := []string{string(charts.KindNPSTrend), string(charts.KindNPSComposition), string(charts.KindNPSDistribution)}
	c := &cobra.Command{
		Use:       "chart " + strings.Join(kinds, "|"),
		Short:     "Render a chart to PNG, SVG or a one-page PDF",
		Args:      cobra.ExactArgs(1),
		ValidArgs: kinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := charts.Kind(args[0])
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			if out == "" {
				return fmt.Errorf("-o FILE is required (.png, .svg or .pdf)")
			}
			switch strings.ToLower(filepath.Ext(out)) {
			case ".png", ".svg", ".pdf":
			default:
				return fmt.Errorf("-o %s: the file must end in .png, .svg or .pdf", out)
			}
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			series, _, err := kpi.LoadNPS(cmd.Context(), st, kpi.NPSQuery{From: from, To: to, By: by})
			if err != nil {
				return err
			}
			opt := charts.Options{Width: width, Height: height, Scale: scale, Labels: widgets.ChartLabels(kind, seriesRange(series))}
			if cmd.Flags().Changed("target") {
				opt.Target = &target
			} else if opt.Target, err = storedTarget(cmd.Context(), st); err != nil {
				return err
			}
			ch, err := charts.Build(kind, series, opt)
			if err != nil {
				return err
			}
			if err := report.SaveChart(out, ch, ui.ChartPage(ch, time.Now())); err != nil {
				return err
			}
			fmt.Fprintln(a.out, lang.L("cli.chart.saved", map[string]any{"Path": out}))
			return nil
		},
	}
	rf.add(c)
	c.Flags().StringVarP(&out, "output", "o", "", "output file: .png, .svg or .pdf")
	c.Flags().IntVar(&width, "width", 1200, "width in pixels")
	c.Flags().IntVar(&height, "height", 600, "height in pixels")
	c.Flags().Float64Var(&scale, "scale", 1, "PNG pixel scale (2 for high-DPI)")
	c.Flags().Float64Var(&target, "target", 0, "NPS target line (default: the target set in Settings)")
	return c
}

// storedTarget is the department's NPS target from the settings, if any.
func storedTarget(ctx context.Context, st data.SettingsStore) (*float64, error) {
	v, err := st.Setting(ctx, data.SettingNPSTarget)
	if err != nil {
		return nil, err
	}
	return data.ParseNPSTarget(v)
}

// seriesRange is the subtitle of a series: its range and grouping.
func seriesRange(s kpi.Series) string {
	from, to := s.Span()
	return widgets.RangeLabel(from, to, string(s.By))
}
