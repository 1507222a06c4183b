package importer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"caredesk/data/sqlite"
)

// writeBenchFile writes a generated file name in dir: header, then n data
// rows, row writing row i (with its newline). Benchmark files have a few
// hundred thousand rows, so they go through one large buffer.
func writeBenchFile(tb testing.TB, dir, name, header string, n int, row func(w *bufio.Writer, i int)) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(header + "\n")
	for i := range n {
		row(w, i)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// openParsed prepares path as an import of sc does and reads past the
// header, for benchmarks of the parsing layer alone; rb's rejects fail b.
func openParsed(b *testing.B, path string, sc *schema) (*plan, recordSource) {
	b.Helper()
	p, err := prepare(path, Options{Location: time.UTC}, sc)
	if err != nil {
		b.Fatal(err)
	}
	src, err := p.open()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := skipHeader(src, p.skip, p.headerRows); err != nil {
		b.Fatal(err)
	}
	return p, src
}

// failOnReject makes a rejected row fail b: benchmark files are valid.
func failOnReject(b *testing.B, rb *rowBase) {
	rb.rejected = func(row int, column, value string, why Message) {
		b.Fatalf("row %d %s %q: %s", row, column, value, why.Text)
	}
}

// freshStore opens an empty store in dir for iteration i of an import
// benchmark and collects garbage, so each import starts from a clean heap.
func freshStore(b *testing.B, dir string, i int) *sqlite.DB {
	b.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("db%d.sqlite", i)))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	return db
}
