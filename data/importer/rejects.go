package importer

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// rejectWriter writes bad rows to a CSV file, created on the first one so
// that a clean import leaves no empty report behind.
type rejectWriter struct {
	path    string
	created bool
	f       *os.File
	bw      *bufio.Writer
	w       *csv.Writer
	err     error
}

// RejectsPath returns where the rejects of an import of path go by
// default, next to it: x.csv -> x.rejects.csv, while any other file keeps
// its extension (x.xlsx -> x.xlsx.rejects.csv), so that the CSV and XLSX
// exports of one survey side by side do not overwrite each other's report.
func RejectsPath(path string) string {
	if ext := filepath.Ext(path); strings.EqualFold(ext, ".csv") {
		path = strings.TrimSuffix(path, ext)
	}
	return path + ".rejects.csv"
}

func newRejectWriter(p *plan, opt Options) *rejectWriter {
	switch opt.RejectsPath {
	case "-":
		return &rejectWriter{}
	case "":
		return &rejectWriter{path: RejectsPath(p.origin)}
	}
	return &rejectWriter{path: opt.RejectsPath}
}

func (w *rejectWriter) write(r Reject) {
	if w.path == "" || w.err != nil {
		return
	}
	if !w.created {
		w.f, w.err = os.Create(w.path)
		if w.err != nil {
			return
		}
		w.created = true
		w.bw = bufio.NewWriter(w.f)
		// A BOM makes Excel open the UTF-8 report with the right letters.
		w.bw.WriteString("\uFEFF")
		w.w = csv.NewWriter(w.bw)
		w.w.Write([]string{"file", "row", "column", "value", "reason"})
	}
	w.w.Write([]string{neutralise(r.File), strconv.Itoa(r.Row), neutralise(r.Column), neutralise(r.Value), neutralise(r.Reason)})
}

func (w *rejectWriter) close() error {
	if w.f == nil {
		return w.err
	}
	w.w.Flush()
	err := w.w.Error()
	if ferr := w.bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	if w.err == nil {
		w.err = err
	}
	return w.err
}

// collect makes b report its bad rows to w, keeping the first MaxRejects
// in kept.
func (w *rejectWriter) collect(p *plan, b *rowBase, kept *[]Reject) {
	b.rejected = func(row int, column, value string, why Message) {
		b.rejects++
		r := Reject{File: p.base, Row: row, Column: column, Value: value, Reason: why.Text, Code: why.Code, Args: why.Args}
		if len(*kept) < MaxRejects {
			*kept = append(*kept, r)
		}
		w.write(r)
	}
}

// finish closes the file, sets file to its path when one was written, and
// adds a warning when closing failed and the import itself did not (err).
func (w *rejectWriter) finish(warnings *[]Message, file *string, err error) {
	if cerr := w.close(); cerr != nil && err == nil {
		*warnings = append(*warnings, warning(warnRejectsFile, map[string]any{"Path": w.path, "Error": cerr.Error()},
			"rejects file %s: %v", w.path, cerr))
	}
	if w.created {
		*file = w.path
	}
}
