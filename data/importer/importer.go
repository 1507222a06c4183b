// Package importer reads NPS survey exports (CSV, TSV, XLSX) as they come
// from real survey tools and spreadsheets: it detects the encoding, the
// delimiter, the header rows, the layout and the column mapping, parses
// dates and scores, and stores valid rows in one import transaction while
// reporting the bad ones.
package importer

import (
	"errors"
	"time"

	"caredesk/data"
)

// Field is a data field a column can map to.
type Field string

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

// DateOrder says how to read numeric dates such as 03/04/2024.
type DateOrder string

// Date orders; DateAuto decides from the whole column.
const (
	DateAuto DateOrder = ""
	DMY      DateOrder = "dmy"
	MDY      DateOrder = "mdy"
)

// Known layout names.
const (
	FormatDelighted    = "delighted"
	FormatSurveyMonkey = "surveymonkey"
	FormatTypeform     = "typeform"
	FormatQualtrics    = "qualtrics"
	FormatGoogleForms  = "google-forms"
	FormatGeneric      = "generic"
)

// Formats lists the known layouts.
var Formats = []string{FormatDelighted, FormatSurveyMonkey, FormatTypeform, FormatQualtrics, FormatGoogleForms, FormatGeneric}

// Encodings lists the encodings Options.Encoding accepts.
var Encodings = []string{EncUTF8, EncUTF16LE, EncUTF16BE, EncWindows1251, EncWindows1252, EncLatin1, EncCP850}

// Options control an import. Zero values mean "detect".
type Options struct {
	Encoding   string           // "" detect; one of Encodings
	Delimiter  rune             // 0 detect; ',', ';', '\t'
	HeaderRows int              // 0 detect; 1, 2 (SurveyMonkey), 3 (Qualtrics)
	Format     string           // one of Formats; "" detect
	Mapping    map[Field]string // field -> column header (or "#N", 1-based); overrides the layout
	DateOrder  DateOrder
	// FileDate is the date of every row when the file has no date column
	// (or a row's date cell is missing).
	FileDate time.Time
	// Location is the zone of date-times written without one (the
	// department's); nil = time.Local.
	Location *time.Location
	Strict   bool // any bad row -> nothing imported
	// Source is the dedup namespace; "" = the layout name, or
	// "file:"+base name for generic files.
	Source string
	// RejectsPath is where bad rows are written as CSV; "" = next to the
	// input as <name>.rejects.csv; "-" = nowhere.
	RejectsPath string
}

// Preview is what Inspect found out about a file, for the import wizard.
type Preview struct {
	File         string
	Size         int64
	Encoding     string
	EncodingSure bool // false when the bytes are ambiguous: the UI asks
	Delimiter    rune // 0 for XLSX
	HeaderRows   int
	Format       string
	Sheet        string           // XLSX sheet read
	Columns      []string         // header names (joined for multi-row headers)
	Mapping      map[Field]string // detected, after Options.Mapping overrides
	Sample       [][]string       // first data rows, decoded
	// DateLayout describes the detected date format, e.g. "dd.mm.yyyy HH:MM".
	DateLayout    string
	DateOrder     DateOrder
	DateAmbiguous bool // dd/mm vs mm/dd undecidable from the whole column
	NeedsFileDate bool // no date column mapped
	// Fields are the fields a column can map to for this kind of import.
	Fields []Field
	// EventLog: tickets repeat over several rows (one per change of
	// state) and are imported as one complaint each.
	EventLog bool
	Warnings []Message
}

// Progress reports how far an import got.
type Progress struct {
	Rows              int
	Bytes, TotalBytes int64
}

// Message is something the user should read: Code is a translation key
// (assets/translations/importer.*.json) and Args its template data; Text is
// the same message in English, for logs and when Code is empty.
type Message struct {
	Code string
	Args map[string]any
	Text string
}

func (m Message) String() string { return m.Text }

// Reject is a row that was not imported. Row is the 1-based row number as
// a spreadsheet shows it (header rows included). Reason is the English
// text (the rejects CSV and logs use it); Code and Args translate it.
type Reject struct {
	File   string
	Row    int
	Column string
	Value  string
	Reason string
	Code   string
	Args   map[string]any
}

// Result sums up an import.
type Result struct {
	Batch      data.ImportBatch
	Imported   int
	Duplicates int
	Rejected   int
	// Skipped counts rows that are no data to import, rather than bad
	// ones: tickets marked spam, deleted or merged.
	Skipped int
	// Rejects holds the first MaxRejects bad rows; all of them go to
	// RejectsFile.
	Rejects     []Reject
	RejectsFile string
	Committed   bool
	Warnings    []Message
}

// MaxRejects is how many rejects Result keeps in memory.
const MaxRejects = 1000

// Errors callers can test with errors.Is; they are wrapped with the file
// and column.
var (
	ErrAmbiguousDates = errors.New("dates could be day/month or month/day: choose the date order")
	ErrNeedFileDate   = errors.New("the file has no date column: give a date for the whole file")
	ErrNoScoreColumn  = errors.New("no score column found: map one")
	ErrEncoding       = errors.New("the file cannot be read in this encoding")
	ErrStrict         = errors.New("strict import: some rows are invalid, nothing was imported")
	ErrUnknownColumn  = errors.New("mapped column not found")
	ErrEmptyFile      = errors.New("the file has no header row")
)
