package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// importFlags are the options of `import feedback` and `import
// complaints`; fields and formats are what the kind of import knows.
type importFlags struct {
	fields                                                               []importer.Field
	formats                                                              []string
	complaints                                                           bool
	format, encoding, delimiter, date, dateOrder, source, rejects, sheet string
	mapping                                                              []string
	headerRows                                                           int
	strict                                                               bool
}

func newImportCommand(a *app) *cobra.Command {
	imp := &cobra.Command{Use: "import", Short: lang.L("cli.help.import_data_files_csv_tsv_xlsx")}
	f := importFlags{fields: importer.Fields, formats: importer.Formats}
	fb := &cobra.Command{
		Use:   "feedback FILE",
		Short: lang.L("cli.help.import_nps_survey_responses"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importFeedback(cmd, args[0], f)
		},
	}
	f.add(fb)
	cf := importFlags{fields: importer.ComplaintFields, formats: importer.ComplaintFormats, complaints: true}
	complaints := &cobra.Command{
		Use:   "complaints FILE",
		Short: lang.L("complaintcli.help.import_complaints"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st data.Store) error {
				opt, err := cf.options(st.Location())
				if err != nil {
					return err
				}
				res, err := importer.ImportComplaints(cmd.Context(), st, args[0], opt, nil)
				a.printImportResult(args[0], res, err == nil)
				return cf.withHint(err)
			})
		},
	}
	cf.add(complaints)
	imp.AddCommand(fb, complaints, newImportListCommand(a), newImportUndoCommand(a))
	imp.AddCommand(newTeamImportCommands(a)...)
	return imp
}

// add registers the import options on cmd; feedback and complaints take
// the same ones.
func (f *importFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "", lang.L("cli.help.format", map[string]any{"Formats": strings.Join(f.formats, ", ")}))
	fl.StringArrayVar(&f.mapping, "map", nil, lang.L("cli.help.map", map[string]any{"Fields": f.fieldNames()}))
	fl.StringVar(&f.date, "date", "", lang.L("cli.help.date_yyyy_mm_dd_for_every_row_for_files"))
	fl.BoolVar(&f.strict, "strict", false, lang.L("cli.help.import_nothing_when_any_row_is_bad"))
	fl.StringVar(&f.encoding, "encoding", "", lang.L("cli.help.utf_8_utf_16le_utf_16be_windows_1251_win"))
	fl.StringVar(&f.delimiter, "delimiter", "", lang.L("cli.help.field_delimiter_or_tab_default_detect"))
	fl.StringVar(&f.dateOrder, "date-order", "", lang.L("cli.help.dmy_or_mdy_for_dates_such_as_03_04_2024"))
	fl.IntVar(&f.headerRows, "header-rows", 0, lang.L("cli.help.number_of_header_rows_default_detect"))
	fl.StringVar(&f.source, "source", "", lang.L("cli.help.source_name_that_duplicate_detection_use"))
	fl.StringVar(&f.rejects, "rejects", "", lang.L("cli.help.rejects_csv_path_default_next_to_the_inp"))
	fl.StringVar(&f.sheet, "sheet", "", lang.L("cli.help.sheet"))
}

func newImportListCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: lang.L("cli.help.import_list"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(st data.Store) error {
				batches, err := st.ImportBatches(cmd.Context())
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(a.out, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, lang.L("cli.import.list.header"))
				for _, b := range batches {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\n", b.ID, data.FormatDateTime(widgets.Lang(), b.ImportedAt.In(st.Location())),
						b.FileName, b.Source, b.Imported, b.Duplicates, b.Rejected)
				}
				return tw.Flush()
			})
		},
	}
}

func newImportUndoCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "undo ID",
		Short: lang.L("cli.help.import_undo"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return flagError("cli.err.import_id", map[string]any{"Value": args[0]})
			}
			return a.withStore(cmd.Context(), func(st data.Store) error {
				n, err := st.DeleteImportBatch(cmd.Context(), id)
				if err != nil {
					return err
				}
				fmt.Fprintln(a.out, lang.L("cli.import.undone", map[string]any{"ID": id, "Count": widgets.Int(int64(n))}))
				return nil
			})
		},
	}
}

func (f importFlags) fieldNames() string {
	names := make([]string, len(f.fields))
	for i, field := range f.fields {
		names[i] = string(field)
	}
	return strings.Join(names, ", ")
}

// options turns the flags into importer options.
func (f importFlags) options(loc *time.Location) (importer.Options, error) {
	opt := importer.Options{
		Format: f.format, Encoding: f.encoding, Sheet: f.sheet, HeaderRows: f.headerRows, Strict: f.strict,
		Source: f.source, RejectsPath: f.rejects, Location: loc, DateOrder: importer.DateOrder(strings.ToLower(f.dateOrder)),
	}
	switch opt.DateOrder {
	case importer.DateAuto, importer.DMY, importer.MDY:
	default:
		return opt, flagError("cli.err.date_order", map[string]any{"Value": f.dateOrder})
	}
	switch strings.ToLower(f.delimiter) {
	case "":
	case ",", "comma":
		opt.Delimiter = ','
	case ";", "semicolon":
		opt.Delimiter = ';'
	case "tab", `\t`, "\t":
		opt.Delimiter = '\t'
	default:
		return opt, flagError("cli.err.delimiter", map[string]any{"Value": f.delimiter})
	}
	if f.date != "" {
		d, err := data.ParseDay(f.date)
		if err != nil {
			return opt, flagError("cli.err.date", map[string]any{"Value": f.date})
		}
		opt.FileDate = d.Start(loc)
	}
	if len(f.mapping) > 0 {
		opt.Mapping = map[importer.Field]string{}
		for _, m := range f.mapping {
			field, column, ok := strings.Cut(m, "=")
			if !ok || column == "" {
				return opt, flagError("cli.err.map_form", map[string]any{"Value": m})
			}
			if !slices.Contains(f.fields, importer.Field(field)) {
				return opt, flagError("cli.err.map_field", map[string]any{"Value": m, "Field": field, "Fields": f.fieldNames()})
			}
			opt.Mapping[importer.Field(field)] = column
		}
	}
	return opt, nil
}

func (a *app) importFeedback(cmd *cobra.Command, path string, f importFlags) error {
	return a.withStore(cmd.Context(), func(st data.Store) error {
		opt, err := f.options(st.Location())
		if err != nil {
			return err
		}
		res, err := importer.ImportFeedback(cmd.Context(), st, path, opt, nil)
		a.printImportResult(path, res, err == nil)
		return f.withHint(err)
	})
}

// printImportResult prints warnings and the first rejects to stderr and,
// when the import went through, the summary to stdout.
func (a *app) printImportResult(path string, res importer.Result, ok bool) {
	for _, w := range res.Warnings {
		fmt.Fprintln(a.errOut, lang.L("import.cli.warning", map[string]any{
			"File": filepath.Base(path), "Warning": widgets.Translated(w.Code, w.Args, w.Text)}))
	}
	for i, r := range res.Rejects {
		if i == 10 {
			fmt.Fprintln(a.errOut, lang.L("cli.import.more_rejects"))
			break
		}
		fmt.Fprintln(a.errOut, rejectLine(r))
	}
	if !ok {
		return
	}
	fmt.Fprintln(a.out, lang.L("cli.import.summary", counts(map[string]any{
		"Imported": res.Imported, "Duplicates": res.Duplicates, "Rejected": res.Rejected,
	})))
	if res.Skipped > 0 {
		fmt.Fprintln(a.out, lang.L("complaintcli.import.skipped", counts(map[string]any{"Count": res.Skipped})))
	}
	if res.RejectsFile != "" && res.Rejected > 0 {
		fmt.Fprintln(a.out, lang.L("cli.import.rejects_file", map[string]any{"Path": res.RejectsFile}))
	}
}

// counts writes the counts among a message's arguments in the UI
// language ("1,200", «1 200»), as the GUI does.
func counts(args map[string]any) map[string]any {
	for k, v := range args {
		if n, ok := v.(int); ok {
			args[k] = widgets.Int(int64(n))
		}
	}
	return args
}

// rejectLine is one bad row as the CLI prints it: file, row, column,
// value and the translated reason.
func rejectLine(r importer.Reject) string {
	args := map[string]any{"File": r.File, "Row": r.Row, "Column": r.Column,
		"Value": oneLine(r.Value), "Reason": widgets.Translated(r.Code, r.Args, r.Reason)}
	switch {
	case r.Column == "" && r.Value == "":
		return lang.L("import.cli.reject_row", args)
	case r.Column == "":
		return lang.L("import.cli.reject_line", args)
	}
	return lang.L("import.cli.reject", args)
}

// oneLine shortens a cell to one line of at most 60 characters.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// hintedError adds what to type next to an error the user can fix with a
// flag; main prints the hint under the message.
type hintedError struct {
	error
	hint string
}

func (h hintedError) Unwrap() error { return h.error }
func (h hintedError) Hint() string  { return h.hint }

// withHint names the flag that fixes an import error, if one does.
func (f importFlags) withHint(err error) error {
	dateHint := "cli.import.hint.date"
	if f.complaints {
		dateHint = "complaintcli.import.hint.opened" // a ticket's own opening date, not one for the file
	}
	hints := []struct {
		target error
		key    string
	}{
		{importer.ErrNeedFileDate, dateHint},
		{importer.ErrAmbiguousDates, "cli.import.hint.date_order"},
		{importer.ErrNoScoreColumn, "cli.import.hint.map"},
		{importer.ErrTicketExport, "cli.import.hint.complaints"},
		{importer.ErrSurveyAnswers, "complaintcli.import.hint.feedback"},
		{importer.ErrEncoding, "cli.import.hint.encoding"},
	}
	for _, h := range hints {
		if errors.Is(err, h.target) {
			return hintedError{err, lang.L(h.key)}
		}
	}
	return err
}
