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
// a ZIP holding one CSV, Zendesk mails its exports zipped, Intercom zips
// several CSVs, and servers compress their dumps with gzip. The tables are
// extracted into a folder of their own for the import's length and read
// as a workbook's sheets are: the one that maps the most fields, or the
// one the user chose (Options.Sheet).

// tableExts are the files an archive may hold that the import reads.
var tableExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json", ".jsonl", ".ndjson", ".xml", ".htm", ".html"}

// maxUnpacked is the most an archived table may take unpacked: a bigger
// one is no export of a department's (or a file made to fill the disk).
const maxUnpacked = 4 << 30

// unpack returns the files to read for file: file itself, or the tables
// the ZIP or gzip archive at file holds, extracted into a temporary
// folder that done removes. An archive without a table is returned as it
// is, for otherFormat to refuse.
func unpack(file string) (tables []string, done func(), err error) {
	none := func() {}
	f, err := os.Open(file)
	if err != nil {
		return []string{file}, none, nil // prepare reports it
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
		return extract(file, []member{{name, func() (io.ReadCloser, error) {
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
		}}})
	case n == 4 && bytes.Equal(head, []byte("PK\x03\x04")) && !isXLSX(file) && !isODS(file):
		z, err := zip.OpenReader(file)
		if err != nil {
			return []string{file}, none, nil
		}
		defer z.Close()
		var members []member
		seen := map[string]bool{}
		for _, e := range z.File {
			base := path.Base(e.Name)
			if e.FileInfo().IsDir() || strings.HasPrefix(e.Name, "__MACOSX/") || strings.HasPrefix(base, ".") ||
				!slices.Contains(tableExts, strings.ToLower(path.Ext(base))) || seen[base] {
				continue
			}
			seen[base] = true
			members = append(members, member{base, e.Open})
		}
		if len(members) == 0 {
			return []string{file}, none, nil
		}
		return extract(file, members)
	}
	return []string{file}, none, nil
}

// member is a table in an archive: its name and how to read it.
type member struct {
	name string
	open func() (io.ReadCloser, error)
}

// readCloser closes a decompressor and the file beneath it.
type readCloser struct {
	io.Reader
	f *os.File
}

func (r readCloser) Close() error { return r.f.Close() }

// extract writes the members to files of their names in a new temporary
// folder; an archive that cannot be read, or a table past maxUnpacked, is
// returned as it is (file), to be refused as an archive.
func extract(file string, members []member) ([]string, func(), error) {
	none := func() {}
	dir, err := os.MkdirTemp("", "caredesk-unpacked-")
	if err != nil {
		return nil, none, err
	}
	done := func() { os.RemoveAll(dir) }
	var out []string
	for _, m := range members {
		to := filepath.Join(dir, filepath.Base(m.name))
		if err := extractOne(m, to); err != nil {
			done()
			return []string{file}, none, nil
		}
		out = append(out, to)
	}
	return out, done, nil
}

func extractOne(m member, to string) error {
	r, err := m.open()
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.Create(to)
	if err != nil {
		return err
	}
	n, err := io.Copy(w, io.LimitReader(r, maxUnpacked+1))
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > maxUnpacked {
		err = errTooBig
	}
	return err
}

// errTooBig is an archived table past maxUnpacked.
var errTooBig = errors.New("the archived table is too big")
