// Package importer reads NPS survey exports (CSV, TSV, XLSX) as they come
// from real survey tools and spreadsheets: it detects the encoding, the
// delimiter, the header rows, the layout and the column mapping, parses
// dates and scores, and stores valid rows in one import transaction while
// reporting the bad ones.
package importer

import (
	"errors"

	"caredesk/data"
)

// The types of an import are data's (the import wizard shows them and
// may not import this package); these names keep the importer's own words.
type (
	Field     = data.ImportField
	DateOrder = data.ImportDateOrder
	Options   = data.ImportOptions
	Preview   = data.ImportPreview
	Progress  = data.ImportProgress
	Message   = data.ImportMessage
	Reject    = data.ImportReject
	Result    = data.ImportResult
)

// The fields of a feedback response a column can map to.
const (
	FieldDate       Field = "date"
	FieldScore      Field = "score"
	FieldComment    Field = "comment"
	FieldChannel    Field = "channel"
	FieldTouchpoint Field = "touchpoint"
	FieldClient     Field = "client"
	FieldSegment    Field = "segment"
	FieldTags       Field = "tags"
	FieldExternalID Field = "external_id"
)

// Fields lists every field in display order.
var Fields = []Field{FieldDate, FieldScore, FieldComment, FieldChannel, FieldTouchpoint, FieldClient, FieldSegment, FieldTags, FieldExternalID}

// Date orders; DateAuto decides from the whole column.
const (
	DateAuto = data.DateOrderAuto
	DMY      = data.DateOrderDMY
	MDY      = data.DateOrderMDY
)

// Known layout names.
const (
	FormatDelighted    = "delighted"
	FormatSurveyMonkey = "surveymonkey"
	FormatTypeform     = "typeform"
	FormatQualtrics    = "qualtrics"
	FormatGoogleForms  = "google-forms"
	FormatAlchemer     = "alchemer" // formerly SurveyGizmo
	FormatGeneric      = data.ImportFormatGeneric
)

// Formats lists the known layouts.
var Formats = []string{FormatDelighted, FormatSurveyMonkey, FormatTypeform, FormatQualtrics, FormatGoogleForms, FormatAlchemer, FormatGeneric}

// Encodings lists the encodings Options.Encoding accepts.
var Encodings = []string{EncUTF8, EncUTF16LE, EncUTF16BE, EncWindows1251, EncWindows1252, EncLatin1, EncCP850, EncCP866, EncKOI8R, EncUTF8Mixed1251, EncUTF8Mixed1252}

// MaxRejects is how many rejects Result keeps in memory.
const MaxRejects = 1000

// Errors callers can test with errors.Is; they are wrapped with the file
// and column.
var (
	ErrAmbiguousDates = errors.New("dates could be day/month or month/day: choose the date order")
	ErrNeedFileDate   = errors.New("the file has no date column: give a date for the whole file")
	ErrNoScoreColumn  = errors.New("no score column found: map one")
	// ErrSurveyAnswers refuses a survey export offered as tickets,
	// ErrTicketExport a ticket export offered as survey answers,
	// ErrSLARecords a help desk's SLA records (a row per ticket and
	// metric) offered as tickets.
	ErrSurveyAnswers  = errors.New("the file holds survey answers, not tickets: import it as feedback")
	ErrTicketExport   = errors.New("the file holds tickets, not survey answers: import it as complaints")
	ErrSLARecords     = errors.New("the file holds SLA records, not tickets: import the ticket list")
	ErrEncoding       = errors.New("the file cannot be read in this encoding")
	ErrStrict         = data.ErrStrictImport
	ErrUnknownColumn  = errors.New("mapped column not found")
	ErrEmptyFile      = errors.New("the file has no header row")
	ErrNoRows         = errors.New("the file has a header but no rows of data")
	ErrUnknownSheet   = errors.New("the workbook has no such sheet")
	ErrFutureFileDate = errors.New("the date given for the whole file is in the future")
	ErrHTMLPage       = errors.New("this file is a web page with no table in it (a login or error page saved in place of the export?): export the list again as CSV or XLSX")
	// ErrOtherFormat refuses a file that is no table the import reads:
	// an Excel 97-2003 workbook, an OpenDocument spreadsheet, a PDF.
	ErrOtherFormat = errors.New("this file is not CSV, TSV or XLSX: open it in a spreadsheet and save it as XLSX or CSV")
	// ErrLongAnswers refuses a file of one row per answer whose answers
	// cannot be joined into responses.
	ErrLongAnswers = errors.New("the file has one row per answer and they cannot be joined into responses: export one row per response")
)

// MessageError is an error that refuses a file, with the translation key
// and arguments of its text (as warnings and rejects have) and the
// sentinel error it is (errors.Is).
type MessageError struct {
	Message
	Err error
}

func (e *MessageError) Error() string { return e.Text }
func (e *MessageError) Unwrap() error { return e.Err }

// Refusal is the refusal's message.
func (e *MessageError) Refusal() (Message, bool) { return e.Message, true }

// FileError is an import's failure with the base name of the file it was
// about. Not every refusal's message names the file, yet the user may
// have picked several: Refusal names it for the wizard and the CLI alike.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string { return e.File + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Refusal is the message of the refusal (MessageError) in the error,
// naming the file: the refusal's own when it names it, else the refusal
// inside errInFile (translate the inner message of its "Message" first).
// ok is false when the error is no refusal.
func (e *FileError) Refusal() (Message, bool) {
	var me *MessageError
	if !errors.As(e.Err, &me) {
		return Message{}, false
	}
	if _, named := me.Args["File"]; named {
		return me.Message, true
	}
	return warning(errInFile, map[string]any{"File": e.File, "Message": me.Message}, "%s: %s", e.File, me.Text), true
}

// inFile ties err to the file (base name) it was about.
func inFile(base string, err error) error { return &FileError{File: base, Err: err} }
