package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"caredesk/data"
	"caredesk/data/importer"
	"caredesk/ui/widgets"
)

// ErrorMessage turns an error into a message for the user, in the UI
// language: known errors get a sentence that says what to do, the rest
// keep their own text (which names the row or field involved). An
// import's failure names its file, in the GUI and the CLI alike.
func ErrorMessage(err error) string {
	var verrs data.ValidationErrors
	var ferr *data.FieldError
	var inFile *importer.FileError
	if text, ok := widgets.RefusalText(err); ok { // the importer's own sentence, translated
		return text
	}
	switch {
	case err == nil:
		return ""
	case errors.Is(err, context.Canceled):
		return lang.L("error.cancelled")
	case errors.As(err, &inFile):
		return lang.L("import.error.in_file", map[string]any{"File": inFile.File, "Message": ErrorMessage(inFile.Err)})
	case errors.As(err, &verrs):
		msg := ""
		for i, e := range verrs {
			if i > 0 {
				msg += "\n"
			}
			msg += lang.L("field."+e.Field) + ": " + lang.L(e.Key)
		}
		return msg
	case errors.As(err, &ferr):
		return lang.L("field."+ferr.Field) + ": " + lang.L(ferr.Key)
	case errors.Is(err, data.ErrNewerSchema):
		return lang.L("error.newer_schema") + "\n\n" + err.Error()
	case errors.Is(err, importer.ErrAmbiguousDates):
		return lang.L("error.ambiguous_dates") + "\n\n" + err.Error()
	case errors.Is(err, importer.ErrNeedFileDate):
		return lang.L("error.need_file_date") + "\n\n" + err.Error()
	case errors.Is(err, importer.ErrNoScoreColumn):
		return lang.L("error.no_score_column") + "\n\n" + err.Error()
	case errors.Is(err, importer.ErrEncoding):
		return lang.L("error.encoding") + "\n\n" + err.Error()
	case errors.Is(err, importer.ErrStrict):
		return lang.L("error.strict") + "\n\n" + err.Error()
	case errors.Is(err, data.ErrNotFound):
		return lang.L("error.not_found")
	case errors.Is(err, data.ErrConflict):
		return lang.L("error.conflict")
	}
	return err.Error()
}

// ShowError shows err in a dialog over win.
func ShowError(win fyne.Window, err error) {
	if err == nil {
		return
	}
	widgets.ShowWithEscape(win, dialog.NewError(errors.New(ErrorMessage(err)), win))
}
