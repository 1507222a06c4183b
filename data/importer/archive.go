package importer

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A table delivered in an archive: Google Forms downloads its responses as
// a ZIP holding one CSV, Zendesk mails its exports zipped, and servers
// compress their dumps with gzip. An archive holding one table is read as
// that table, extracted into a folder of its own for the import's length;
// one holding several is refused with their names.

// tableExts are the files an archive may hold that the import reads.
var tableExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json", ".jsonl", ".ndjson", ".xml", ".htm", ".html"}

// maxUnpacked is the most an archived table may take unpacked: a bigger
// one is no export of a department's (or a file made to fill the disk).
const maxUnpacked = 4 << 30

// errSeveralTables is an archive holding more than one table.
var errSeveralTables = errors.New("the archive holds several tables")

// severalTables refuses an archive holding the tables names.
func severalTables(base string, names []string) *MessageError {
	list := quotedList(names)
	return &MessageError{Message: warning(errArchiveTables, map[string]any{"File": base, "Tables": list},
		"%s is an archive holding several tables (%s): unpack it and import each of them", base, list), Err: errSeveralTables}
}

// unpack returns the file to read for path: path itself, or the one table
// the ZIP or gzip archive at path holds, extracted into a temporary
// folder that done removes. An archive without a table is returned as it
// is, for otherFormat to refuse.
func unpack(file string) (table string, done func(), err error) {
	none := func() {}
	f, err := os.Open(file)
	if err != nil {
		return file, none, nil // prepare reports it
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	f.Close()
	switch {
	case n >= 2 && head[0] == 0x1F && head[1] == 0x8B:
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		if filepath.Ext(name) == "" {
			name += ".csv"
		}
		return extract(name, func() (io.ReadCloser, error) {
			f, err := os.Open(file)
			if err != nil {
				return nil, err
			}
			zr, err := gzip.NewReader(f)
			if err != nil {
				f.Close()
				return nil, err
			}
			return readCloser{zr, f}, nil
		}, file)
	case n == 4 && bytes.Equal(head, []byte("PK\x03\x04")) && !isXLSX(file) && !isODS(file):
		z, err := zip.OpenReader(file)
		if err != nil {
			return file, none, nil
		}
		defer z.Close()
		var tables []*zip.File
		for _, e := range z.File {
			base := path.Base(e.Name)
			if e.FileInfo().IsDir() || strings.HasPrefix(e.Name, "__MACOSX/") || strings.HasPrefix(base, ".") ||
				!slices.Contains(tableExts, strings.ToLower(path.Ext(base))) {
				continue
			}
			tables = append(tables, e)
		}
		switch len(tables) {
		case 0:
			return file, none, nil
		case 1:
		default:
			names := make([]string, len(tables))
			for i, t := range tables {
				names[i] = path.Base(t.Name)
			}
			return "", none, severalTables(filepath.Base(file), names)
		}
		return extract(path.Base(tables[0].Name), tables[0].Open, file)
	}
	return file, none, nil
}

// readCloser closes a decompressor and the file beneath it.
type readCloser struct {
	io.Reader
	f *os.File
}

func (r readCloser) Close() error { return r.f.Close() }

// extract writes what open reads to a file named name in a new temporary
// folder; an archive that cannot be read is returned as it is (file).
func extract(name string, open func() (io.ReadCloser, error), file string) (string, func(), error) {
	none := func() {}
	r, err := open()
	if err != nil {
		return file, none, nil
	}
	defer r.Close()
	dir, err := os.MkdirTemp("", "caredesk-unpacked-")
	if err != nil {
		return "", none, err
	}
	done := func() { os.RemoveAll(dir) }
	out := filepath.Join(dir, filepath.Base(name))
	w, err := os.Create(out)
	if err != nil {
		done()
		return "", none, err
	}
	n, err := io.Copy(w, io.LimitReader(r, maxUnpacked+1))
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil || n > maxUnpacked {
		// A damaged or oversized archive: read as what it is, and refused.
		done()
		return file, none, nil
	}
	return out, done, nil
}
