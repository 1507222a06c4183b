package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

type importFlags struct {
	format, encoding, delimiter, date, dateOrder, source, rejects string
	mapping                                                       []string
	headerRows                                                    int
	strict                                                        bool
}

func newImportCommand(a *app) *cobra.Command {
	imp := &cobra.Command{Use: "import", Short: "Import data files (CSV, TSV, XLSX)"}
	var f importFlags
	fb := &cobra.Command{
		Use:   "feedback FILE",
		Short: "Import NPS survey responses",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importFeedback(cmd, args[0], f)
		},
	}
	fl := fb.Flags()
	fl.StringVar(&f.format, "format", "", "layout: delighted, surveymonkey, typeform, qualtrics, google-forms, generic (default: detect)")
	fl.StringArrayVar(&f.mapping, "map", nil, "FIELD=COLUMN mapping, repeatable; fields: "+fieldNames())
	fl.StringVar(&f.date, "date", "", "date YYYY-MM-DD for every row, for files without a date column")
	fl.BoolVar(&f.strict, "strict", false, "import nothing when any row is bad")
	fl.StringVar(&f.encoding, "encoding", "", "utf-8, utf-16le, utf-16be, windows-1251, windows-1252, latin1, cp850 (default: detect)")
	fl.StringVar(&f.delimiter, "delimiter", "", "field delimiter: , ; or tab (default: detect)")
	fl.StringVar(&f.dateOrder, "date-order", "", "dmy or mdy for dates such as 03/04/2024 (default: decide from the column)")
	fl.IntVar(&f.headerRows, "header-rows", 0, "number of header rows (default: detect)")
	fl.StringVar(&f.source, "source", "", "source name that duplicate detection uses (default: from the layout or file name)")
	fl.StringVar(&f.rejects, "rejects", "", "rejects CSV path (default: next to the input; - for none)")
	imp.AddCommand(fb)
	return imp
}

func fieldNames() string {
	names := make([]string, len(importer.Fields))
	for i, f := range importer.Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// options turns the flags into importer options.
func (f importFlags) options(loc *time.Location) (importer.Options, error) {
	opt := importer.Options{
		Format: f.format, Encoding: f.encoding, HeaderRows: f.headerRows, Strict: f.strict,
		Source: f.source, RejectsPath: f.rejects, Location: loc, DateOrder: importer.DateOrder(strings.ToLower(f.dateOrder)),
	}
	switch opt.DateOrder {
	case importer.DateAuto, importer.DMY, importer.MDY:
	default:
		return opt, fmt.Errorf("--date-order %q: want dmy or mdy", f.dateOrder)
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
		return opt, fmt.Errorf("--delimiter %q: want , ; or tab", f.delimiter)
	}
	if f.date != "" {
		d, err := data.ParseDay(f.date)
		if err != nil {
			return opt, fmt.Errorf("--date: %w", err)
		}
		opt.FileDate = d.Start(loc)
	}
	if len(f.mapping) > 0 {
		opt.Mapping = map[importer.Field]string{}
		for _, m := range f.mapping {
			field, column, ok := strings.Cut(m, "=")
			if !ok || column == "" {
				return opt, fmt.Errorf("--map %q: want FIELD=COLUMN", m)
			}
			if !validField(importer.Field(field)) {
				return opt, fmt.Errorf("--map %q: unknown field %q; fields: %s", m, field, fieldNames())
			}
			opt.Mapping[importer.Field(field)] = column
		}
	}
	return opt, nil
}

func validField(f importer.Field) bool {
	for _, k := range importer.Fields {
		if k == f {
			return true
		}
	}
	return false
}

func (a *app) importFeedback(cmd *cobra.Command, path string, f importFlags) error {
	ctx := cmd.Context()
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	opt, err := f.options(st.Location())
	if err != nil {
		return err
	}
	res, err := importer.ImportFeedback(ctx, st, path, opt, nil)
	err = withImportHint(err)
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
	if err != nil {
		return err
	}
	fmt.Fprintln(a.out, lang.L("cli.import.summary", map[string]any{
		"Imported": res.Imported, "Duplicates": res.Duplicates, "Rejected": res.Rejected,
	}))
	if res.RejectsFile != "" && res.Rejected > 0 {
		fmt.Fprintln(a.out, lang.L("cli.import.rejects_file", map[string]any{"Path": res.RejectsFile}))
	}
	return nil
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

// withImportHint names the flag that fixes an import error, if one does.
func withImportHint(err error) error {
	hints := []struct {
		target error
		key    string
	}{
		{importer.ErrNeedFileDate, "cli.import.hint.date"},
		{importer.ErrAmbiguousDates, "cli.import.hint.date_order"},
		{importer.ErrNoScoreColumn, "cli.import.hint.map"},
		{importer.ErrEncoding, "cli.import.hint.encoding"},
	}
	for _, h := range hints {
		if errors.Is(err, h.target) {
			return hintedError{err, lang.L(h.key)}
		}
	}
	return err
}
