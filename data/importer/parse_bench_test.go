package importer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkParseCSV measures everything but the store: decoding, CSV
// splitting, dates, scores, validation and content ids.
func BenchmarkParseCSV(b *testing.B) {
	const n = 200_000
	path := filepath.Join(b.TempDir(), "parse.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("Дата;Оценка;Комментарий;Канал\n")
	for i := range n {
		fmt.Fprintf(w, "%02d.%02d.2024 %02d:%02d;%d;\"Оператор вежливый, ждал %d минут\";Телефон\n", i%28+1, i%12+1, i%24, i%60, i%11, i%40)
	}
	w.Flush()
	f.Close()
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		p, err := prepare(path, Options{Location: time.UTC}, feedbackSchema)
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
		rb := newRowBuilder(p, Options{})
		rb.rejected = func(row int, column, value string, why Message) {
			b.Fatalf("row %d %s %q: %s", row, column, value, why.Text)
		}
		for {
			rec, row, err := src.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := rb.build(rec, row); ok {
				rows++
			}
		}
		src.close()
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
