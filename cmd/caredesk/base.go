package main

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/ui/widgets"
)

// newBaseCommand manages the monthly base complaints per 1,000 are
// counted against: without it kpi complaints has no rate.
func newBaseCommand(a *app) *cobra.Command {
	base := &cobra.Command{Use: "base", Short: lang.L("complaintcli.help.base_cmd")}
	base.AddCommand(newBaseSetCommand(a), newBaseListCommand(a))
	return base
}

func newBaseSetCommand(a *app) *cobra.Command {
	var clients, orders string
	c := &cobra.Command{
		Use:   "set YYYY-MM",
		Short: lang.L("complaintcli.help.base_set"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			month, err := parseBaseMonth(args[0])
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			if !fl.Changed("clients") && !fl.Changed("orders") {
				return flagError("complaintcli.err.base_nothing", nil)
			}
			newClients, err := baseCount(fl.Changed("clients"), "--clients", clients)
			if err != nil {
				return err
			}
			newOrders, err := baseCount(fl.Changed("orders"), "--orders", orders)
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				d := data.Denominator{Month: month}
				// A flag left out keeps the month's stored value.
				dens, err := st.Denominators(cmd.Context())
				if err != nil {
					return err
				}
				for _, old := range dens {
					if old.Month == month {
						d = old
					}
				}
				if newClients != nil {
					d.Clients = *newClients
				}
				if newOrders != nil {
					d.Orders = *newOrders
				}
				if err := st.SetDenominator(cmd.Context(), d); err != nil {
					return err
				}
				if d.Clients == 0 && d.Orders == 0 {
					fmt.Fprintln(a.out, lang.L("complaintcli.base.removed", map[string]any{"Month": monthLabel(month)}))
					return nil
				}
				fmt.Fprintln(a.out, lang.L("complaintcli.base.saved", map[string]any{
					"Month": monthLabel(month), "Clients": baseCell(d.Clients), "Orders": baseCell(d.Orders)}))
				return nil
			})
		},
	}
	c.Flags().StringVar(&clients, "clients", "", lang.L("complaintcli.help.base_clients"))
	c.Flags().StringVar(&orders, "orders", "", lang.L("complaintcli.help.base_orders"))
	return c
}

func newBaseListCommand(a *app) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list",
		Short: lang.L("complaintcli.help.base_list"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(st data.Store) error {
				dens, err := st.Denominators(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.out, baseRows(dens))
				}
				if len(dens) == 0 {
					fmt.Fprintln(a.out, lang.L("complaintcli.base.none"))
					return nil
				}
				tw := newTable(a.out)
				fmt.Fprintln(tw, lang.L("complaintcli.base.header"))
				for _, d := range dens {
					fmt.Fprintf(tw, "%s\t%s\t%s\t\n", monthLabel(d.Month), baseCell(d.Clients), baseCell(d.Orders))
				}
				return tw.Flush()
			})
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, lang.L("cli.help.print_json"))
	return c
}

// baseRow is a month's base in JSON; a count not given is null, not 0.
type baseRow struct {
	Month   string `json:"month"`
	Clients *int64 `json:"clients"`
	Orders  *int64 `json:"orders"`
}

func baseRows(dens []data.Denominator) []baseRow {
	rows := make([]baseRow, 0, len(dens))
	given := func(n int64) *int64 {
		if n == 0 {
			return nil
		}
		return &n
	}
	for _, d := range dens {
		rows = append(rows, baseRow{Month: monthLabel(d.Month), Clients: given(d.Clients), Orders: given(d.Orders)})
	}
	return rows
}

// parseBaseMonth reads the month argument (2025-03, or 03.2025): a base
// belongs to a whole month.
func parseBaseMonth(s string) (data.Day, error) {
	d, ok := data.ParseMonth(s)
	if !ok {
		return 0, flagError("complaintcli.err.base_month", map[string]any{"Value": s})
	}
	return d, nil
}

// baseCount reads a count flag that was given, digits grouped as people
// write them (data.ParseCount).
func baseCount(given bool, flag, value string) (*int64, error) {
	if !given {
		return nil, nil
	}
	n, ok := data.ParseCount(widgets.Lang(), value)
	if !ok || strings.TrimSpace(value) == "" {
		return nil, flagError("complaintcli.err.base_count", map[string]any{"Flag": flag, "Value": value})
	}
	return &n, nil
}

func monthLabel(d data.Day) string { return d.Time().Format("2006-01") }

// baseCell is a count in the user's number format; 0 means not given.
func baseCell(n int64) string {
	if n == 0 {
		return "—"
	}
	return widgets.Int(n)
}
