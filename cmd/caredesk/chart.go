package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
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
	var working bool
	var employee string
	kinds := []string{string(charts.KindNPSTrend), string(charts.KindNPSComposition), string(charts.KindNPSDistribution)}
	for _, k := range append(slices.Clone(charts.ComplaintKinds), charts.TeamKinds...) {
		kinds = append(kinds, string(k))
	}
	c := &cobra.Command{
		Use:       "chart " + strings.Join(kinds, "|"),
		Short:     lang.L("cli.help.render_a_chart_to_png_svg_or_a_one_page"),
		Args:      cobra.ExactArgs(1),
		ValidArgs: kinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := charts.Kind(args[0])
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			if out == "" {
				return flagError("cli.err.output_required", nil)
			}
			switch strings.ToLower(filepath.Ext(out)) {
			case ".png", ".svg", ".pdf":
			default:
				return flagError("cli.err.output_ext", map[string]any{"Path": out})
			}
			if charts.IsTeamKind(kind) {
				q := teamChartQuery{from: from, to: to, employee: employee, now: time.Now(),
					grow: !cmd.Flags().Changed("height") && strings.ToLower(filepath.Ext(out)) != ".pdf"}
				return a.withStore(cmd.Context(), func(st data.Store) error {
					ch, err := buildTeamChart(cmd.Context(), st, kind, q, charts.Options{Width: width, Height: height, Scale: scale})
					if err != nil {
						return err
					}
					return a.saveChart(out, ch)
				})
			}
			if charts.IsComplaintKind(kind) {
				return a.withStore(cmd.Context(), func(st data.Store) error {
					opt := charts.Options{Width: width, Height: height, Scale: scale}
					if kind == charts.KindSLA && cmd.Flags().Changed("target") {
						opt.Target = &target // one goal line instead of each standard's own
					}
					ch, err := buildComplaintChart(cmd.Context(), st, kind, from, to, by, working, opt)
					if err != nil {
						return err
					}
					return a.saveChart(out, ch)
				})
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
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
				return a.saveChart(out, ch)
			})
		},
	}
	rf.add(c)
	c.Flags().StringVarP(&out, "output", "o", "", lang.L("cli.help.output_file_png_svg_or_pdf"))
	c.Flags().IntVar(&width, "width", 1200, lang.L("cli.help.width_in_pixels"))
	c.Flags().IntVar(&height, "height", 600, lang.L("cli.help.height_in_pixels"))
	c.Flags().Float64Var(&scale, "scale", 1, lang.L("cli.help.png_pixel_scale_2_for_high_dpi"))
	c.Flags().Float64Var(&target, "target", 0, lang.L("cli.help.nps_target_line_default_the_target_set_i"))
	c.Flags().BoolVar(&working, "working", false, lang.L("complaintcli.help.working"))
	c.Flags().StringVar(&employee, "employee", "", lang.L("teamchart.help.employee"))
	return c
}

// saveChart writes ch to out as PNG, SVG or a one-page PDF.
func (a *app) saveChart(out string, ch *charts.Chart) error {
	if err := report.SaveChart(out, ch, ui.ChartPage(ch, time.Now())); err != nil {
		return err
	}
	fmt.Fprintln(a.out, lang.L("cli.chart.saved", map[string]any{"Path": out}))
	return nil
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
