package main

import (
	"caredesk/data"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data/demo"
	"caredesk/ui/widgets"
)

func newDemoCommand(a *app) *cobra.Command {
	opt := demo.DefaultOptions()
	c := &cobra.Command{
		Use:   "demo",
		Short: lang.L("cli.help.fill_the_database_with_realistic_demo_da"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(st data.Store) error {
				if opt.End.IsZero() {
					opt.End = time.Now()
				}
				opt.Lang = widgets.Lang()
				r, err := demo.Fill(cmd.Context(), st, opt, nil)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.out, lang.L("cli.demo.done", counts(map[string]any{"Imported": r.Feedback.Imported, "Duplicates": r.Feedback.Duplicates, "Path": st.Path()})))
				fmt.Fprintln(a.out, lang.L("complaintcli.demo.done", counts(map[string]any{"Imported": r.Complaints.Imported, "Duplicates": r.Complaints.Duplicates,
					"Employees": r.Employees, "Categories": r.Categories, "Standards": r.Standards})))
				fmt.Fprintln(a.out, lang.L("teamimport.demo.done", counts(map[string]any{"Skills": r.Team.Skills, "Assessments": r.Team.Assessments,
					"Courses": r.Team.Courses, "Items": r.Team.Items, "Goals": r.Team.Goals, "Kudos": r.Team.Kudos})))
				return nil
			})
		},
	}
	c.Flags().IntVar(&opt.Months, "months", opt.Months, lang.L("cli.help.months_of_history"))
	c.Flags().IntVar(&opt.Responses, "responses", opt.Responses, lang.L("cli.help.number_of_feedback_responses"))
	c.Flags().IntVar(&opt.Complaints, "complaints", opt.Complaints, lang.L("complaintcli.help.demo_complaints"))
	c.Flags().Int64Var(&opt.Seed, "seed", opt.Seed, lang.L("cli.help.random_seed_same_seed_same_data"))
	return c
}
