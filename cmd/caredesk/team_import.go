package main

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/data/importer"
)

// newTeamImportCommands are `import employees|courses|training-plan FILE`.
func newTeamImportCommands(a *app) []*cobra.Command {
	help := map[importer.TeamKind]string{
		importer.TeamEmployees:    "teamimport.cli.help.import_employees",
		importer.TeamCourses:      "teamimport.cli.help.import_courses",
		importer.TeamTrainingPlan: "teamimport.cli.help.import_training_plan",
	}
	var cmds []*cobra.Command
	for _, kind := range importer.TeamKinds {
		f := importFlags{fields: kind.Fields(), formats: []string{importer.FormatGeneric}}
		cmd := &cobra.Command{
			Use:   string(kind) + " FILE",
			Short: lang.L(help[kind]),
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return a.importTeam(cmd, kind, args[0], f)
			},
		}
		f.addTeam(cmd)
		cmds = append(cmds, cmd)
	}
	return cmds
}

// addTeam registers the options a team file takes: no file date or
// source, since its rows are matched by name.
func (f *importFlags) addTeam(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", lang.L("teamimport.cli.help.format"))
	fl.StringArrayVar(&f.mapping, "map", nil, lang.L("cli.help.map", map[string]any{"Fields": f.fieldNames()}))
	fl.BoolVar(&f.strict, "strict", false, lang.L("cli.help.import_nothing_when_any_row_is_bad"))
	fl.StringVar(&f.encoding, "encoding", "", lang.L("cli.help.utf_8_utf_16le_utf_16be_windows_1251_win"))
	fl.StringVar(&f.delimiter, "delimiter", "", lang.L("cli.help.field_delimiter_or_tab_default_detect"))
	fl.StringVar(&f.dateOrder, "date-order", "", lang.L("cli.help.dmy_or_mdy_for_dates_such_as_03_04_2024"))
	fl.IntVar(&f.headerRows, "header-rows", 0, lang.L("cli.help.number_of_header_rows_default_detect"))
	fl.StringVar(&f.rejects, "rejects", "", lang.L("cli.help.rejects_csv_path_default_next_to_the_inp"))
}

func (a *app) importTeam(cmd *cobra.Command, kind importer.TeamKind, path string, f importFlags) error {
	if f.format != "" && f.format != importer.FormatGeneric {
		return flagError("teamimport.cli.err.format", map[string]any{"Value": f.format})
	}
	return a.withStore(cmd.Context(), func(st data.Store) error {
		opt, err := f.options(st.Location())
		if err != nil {
			return err
		}
		res, err := importer.ImportTeam(cmd.Context(), st, kind, path, opt, nil)
		a.printImportResult(path, res.Result, false) // warnings and rejects
		if err != nil {
			return teamHint(f.withHint(err))
		}
		fmt.Fprintln(a.out, lang.LocalizePluralKey("teamimport.cli.summary."+string(kind), "", res.Rows, map[string]any{
			"Count": res.Rows, "Created": res.Created, "Updated": res.Updated, "Unchanged": res.Unchanged, "Rejected": res.Rejected}))
		if res.RejectsFile != "" && res.Rejected > 0 {
			fmt.Fprintln(a.out, lang.L("cli.import.rejects_file", map[string]any{"Path": res.RejectsFile}))
		}
		return nil
	})
}

// teamHint names the --map flag when a required column was not found.
func teamHint(err error) error {
	if _, hinted := err.(hintedError); !hinted && errors.Is(err, importer.ErrNoColumn) {
		return hintedError{err, lang.L("teamimport.cli.hint.map")}
	}
	return err
}
