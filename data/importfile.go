package data

import (
	"errors"
	"time"
)

// The types of a file import live here, not in data/importer, so the
// import wizard (ui/widgets, which may not import data/importer) shows
// the importer's preview and result as they are; data/importer names
// them as aliases (importer.Options, importer.Preview, …).

// ImportField is a data field a column of an imported file can map to.
type ImportField string

// ImportDateOrder says how to read numeric dates such as 03/04/2024.
type ImportDateOrder string

// Date orders; DateOrderAuto decides from the whole column.
const (
	DateOrderAuto ImportDateOrder = ""
	DateOrderDMY  ImportDateOrder = "dmy"
	DateOrderMDY  ImportDateOrder = "mdy"
)

// ImportFormatGeneric is the layout of a file no known tool wrote: its
// columns are mapped by their names alone.
const ImportFormatGeneric = "generic"

// ErrStrictImport is the error of a strict import that found invalid rows
// and so imported nothing (the result lists them).
var ErrStrictImport = errors.New("strict import: some rows are invalid, nothing was imported")

// ImportOptions control an import. Zero values mean "detect".
type ImportOptions struct {
	Encoding   string                 // "" detect; one of importer.Encodings
	Delimiter  rune                   // 0 detect; ',', ';', '\t'
	Sheet      string                 // a workbook's sheet; "" = the one that maps the most fields
	HeaderRows int                    // 0 detect; 1, 2 (SurveyMonkey), 3 (Qualtrics)
	Format     string                 // a known layout; "" detect
	Mapping    map[ImportField]string // field -> column header (or "#N", 1-based; "" = not imported); overrides the layout
	DateOrder  ImportDateOrder
	// FileDate is the date of every row when the file has no date column
	// (or a row's date cell is missing).
	FileDate time.Time
	// Location is the zone of date-times written without one (the
	// department's); nil = time.Local.
	Location *time.Location
	Strict   bool // any bad row -> nothing imported
	// Source is the dedup namespace; "" = the layout name, or for
	// other files "generic:" and a hash of the column names.
	Source string
	// RejectsPath is where bad rows are written as CSV; "" = next to the
	// input (x.csv -> x.rejects.csv, x.xlsx -> x.xlsx.rejects.csv); "-" =
	// nowhere.
	RejectsPath string
}

// ImportPreview is what reading the head of a file found out, for the
// import wizard.
type ImportPreview struct {
	File         string
	Size         int64
	Encoding     string
	EncodingSure bool // false when the bytes are ambiguous: the UI asks
	Delimiter    rune // 0 for XLSX
	HeaderRows   int
	Format       string
	Sheet        string                 // the workbook's sheet read
	Sheets       []string               // the workbook's sheets, when it has several, to choose from
	Columns      []string               // header names (joined for multi-row headers)
	Mapping      map[ImportField]string // detected, after ImportOptions.Mapping overrides
	Sample       [][]string             // first data rows, decoded
	// DateLayout describes the detected date format, e.g. "dd.mm.yyyy HH:MM".
	DateLayout    string
	DateOrder     ImportDateOrder
	DateAmbiguous bool // dd/mm vs mm/dd undecidable from the whole column
	NeedsFileDate bool // no date column mapped
	// Fields are the fields a column can map to for this kind of import.
	Fields []ImportField
	// EventLog: tickets repeat over several rows (one per change of
	// state) and are imported as one complaint each.
	EventLog bool
	Warnings []ImportMessage
}

// The words of an ImportPreview.DateLayout besides its pattern
// ("dd.mm.yyyy HH:MM"): the importer writes them in English, the UI puts
// them in its language.
const (
	DateLayoutExcel      = "Excel date"
	DateLayoutUnixSecs   = "unix seconds"
	DateLayoutUnixMillis = "unix milliseconds"
	DateLayoutOr         = " or "
	DateLayoutWithZone   = " with zone"
)

// ImportProgress reports how far an import got.
type ImportProgress struct {
	Rows              int
	Bytes, TotalBytes int64
}

// ImportMessage is something the user should read: Code is a translation
// key (assets/translations/importer.*.json) and Args its template data;
// Text is the same message in English, for logs and when Code is empty.
type ImportMessage struct {
	Code string
	Args map[string]any
	Text string
}

func (m ImportMessage) String() string { return m.Text }

// ImportReject is a row that was not imported. Row is the 1-based row
// number as a spreadsheet shows it (header rows included). Reason is the
// English text (the rejects CSV and logs use it); Code and Args translate
// it.
type ImportReject struct {
	File   string
	Row    int
	Column string
	Value  string
	Reason string
	Code   string
	Args   map[string]any
}

// ImportResult sums up an import.
type ImportResult struct {
	Batch      ImportBatch
	Imported   int
	Duplicates int
	Rejected   int
	// Skipped counts rows that are no data to import, rather than bad
	// ones: tickets marked spam, deleted or merged.
	Skipped int
	// Rejects holds the first importer.MaxRejects bad rows; all of them go
	// to RejectsFile.
	Rejects     []ImportReject
	RejectsFile string
	Committed   bool
	Warnings    []ImportMessage
}
