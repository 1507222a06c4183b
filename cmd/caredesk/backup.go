package main

import (
	"caredesk/data"
	"fmt"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"
)

func newBackupCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: lang.L("cli.help.write_a_consistent_copy_of_the_database"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st data.Store) error {
				if err := st.Backup(cmd.Context(), args[0]); err != nil {
					return err
				}
				fmt.Fprintln(a.out, lang.L("cli.backup.done", map[string]any{"Path": args[0]}))
				return nil
			})
		},
	}
}
