package main

import (
	"fmt"
	"io"
	"math"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/data/kpi"
	"caredesk/ui/widgets"
)

// newTrainingKPICommand is `caredesk kpi training`: the training plan
// against actual per period.
func newTrainingKPICommand(a *app) *cobra.Command {
	var rf rangeFlags
	var asJSON bool
	c := &cobra.Command{
		Use:   "training",
		Short: lang.L("teamkpi.help.training"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			from, to, by, err := rf.parse()
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				today := data.DayOf(time.Now(), st.Location())
				series, err := kpi.LoadTraining(cmd.Context(), st, by, from, to, today)
				if err != nil {
					return err
				}
				rep := series.Report()
				if asJSON {
					return writeJSON(a.out, rep)
				}
				writeTrainingTable(a.out, rep)
				return nil
			})
		},
	}
	rf.add(c)
	c.Flags().Lookup("from").Usage = lang.L("teamkpi.help.training_from")
	c.Flags().Lookup("to").Usage = lang.L("teamkpi.help.training_to")
	c.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	return c
}

// newAgentsKPICommand is `caredesk kpi agents`: one scorecard per
// employee for a period, with the team medians.
func newAgentsKPICommand(a *app) *cobra.Command {
	var fromFlag, toFlag string
	var asJSON bool
	c := &cobra.Command{
		Use:   "agents",
		Short: lang.L("teamkpi.help.agents"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var from, to data.Day
			var err error
			if fromFlag != "" {
				if from, err = kpi.ParseMonth(fromFlag, false); err != nil {
					return flagError("cli.err.month", map[string]any{"Flag": "--from", "Value": fromFlag})
				}
			}
			if toFlag != "" {
				if to, err = kpi.ParseMonth(toFlag, true); err != nil {
					return flagError("cli.err.month", map[string]any{"Flag": "--to", "Value": toFlag})
				}
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				today := data.DayOf(time.Now(), st.Location())
				if from == 0 {
					from = kpi.PeriodOf(today, kpi.Month).Start
				}
				if to == 0 {
					to = max(today, kpi.PeriodOf(from, kpi.Month).End)
				}
				if from > to {
					return flagError("cli.err.from_after_to", map[string]any{"From": from.String(), "To": to.String()})
				}
				cards, err := kpi.LoadScorecards(cmd.Context(), st, from, to, today)
				if err != nil {
					return err
				}
				rep := cards.Report()
				if asJSON {
					return writeJSON(a.out, rep)
				}
				writeAgentsTable(a.out, rep)
				return nil
			})
		},
	}
	c.Flags().StringVar(&fromFlag, "from", "", lang.L("teamkpi.help.agents_from"))
	c.Flags().StringVar(&toFlag, "to", "", lang.L("teamkpi.help.agents_to"))
	c.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	return c
}

// writeTrainingTable prints the plan against actual, one row per period
// and a total; money in currency units.
func writeTrainingTable(w io.Writer, rep kpi.TrainingReport) {
	if len(rep.Periods) == 0 {
		fmt.Fprintln(w, lang.L("teamkpi.training.none"))
		return
	}
	l := widgets.Lang()
	tw := newTable(w)
	fmt.Fprintln(tw, lang.L("teamkpi.training.header"))
	for _, r := range append(rep.Periods, rep.Total) {
		label := r.Period
		if label == "total" {
			label = lang.L("cli.kpi.total")
		}
		budget := "—"
		if r.Budget != nil {
			budget = data.FormatNumber(l, *r.Budget, 2)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", label, r.Planned, r.Done, r.Overdue, num(r.CompletionRate),
			data.FormatNumber(l, r.HoursPlanned, 1), data.FormatNumber(l, r.Hours, 1),
			data.FormatNumber(l, r.CostPlanned, 2), data.FormatNumber(l, r.Cost, 2), budget)
	}
	tw.Flush()
	fmt.Fprintln(w, lang.L("teamkpi.training.legend"))
}

// writeAgentsTable prints one row per employee and the team medians: each
// figure with its difference from the team median in brackets.
func writeAgentsTable(w io.Writer, rep kpi.ScorecardReport) {
	fmt.Fprintln(w, lang.L("teamkpi.agents.period", map[string]any{"From": rep.From, "To": rep.To}))
	if rep.Partial {
		fmt.Fprintln(w, lang.L("teamkpi.agents.partial"))
	}
	if len(rep.Agents) == 0 {
		fmt.Fprintln(w, lang.L("teamkpi.agents.none"))
		return
	}
	tw := newTable(w)
	fmt.Fprintln(tw, lang.L("teamkpi.agents.header"))
	row := func(name string, r kpi.ScorecardRow, team bool) {
		fmt.Fprintf(tw, "%s\t", name)
		for _, m := range kpi.ScoreMetrics {
			f := r.Figures[m]
			cell := figure(m, f.Value)
			if !team && f.Value != nil && f.VsTeam != nil {
				cell += " (" + data.FormatSigned(widgets.Lang(), *f.VsTeam, decimalsOf(m, *f.VsTeam)) + ")"
			}
			if m == kpi.ScoreNPS && r.NPSThin {
				cell += " ~"
			}
			fmt.Fprintf(tw, "%s\t", cell)
		}
		fmt.Fprintln(tw)
	}
	for _, r := range rep.Agents {
		name := r.Name
		if r.Status != data.EmployeeActive {
			name += " (" + lang.L("employee.status."+string(r.Status)) + ")"
		}
		row(name, r, false)
	}
	row(lang.L("teamkpi.agents.team"), rep.Team, true)
	tw.Flush()
	fmt.Fprintln(w, lang.L("teamkpi.agents.legend"))
}

// figure writes a value in the language's format with decimalsOf's
// decimals; "—" when undefined.
func figure(m kpi.ScoreMetric, v *float64) string {
	if v == nil {
		return "—"
	}
	return data.FormatNumber(widgets.Lang(), *v, decimalsOf(m, *v))
}

// decimalsOf is one decimal for hours, shares and NPS; counts are whole
// unless they are a median between two agents.
func decimalsOf(m kpi.ScoreMetric, v float64) int {
	if (m == kpi.ScoreHandled || m == kpi.ScoreKudos) && v == math.Trunc(v) {
		return 0
	}
	return 1
}
