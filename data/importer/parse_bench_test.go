package importer

import (
	"bufio"
	"fmt"
	"io"
	"testing"
)

// BenchmarkParseCSV measures everything but the store: decoding, CSV
// splitting, dates, scores, validation and content ids.
func BenchmarkParseCSV(b *testing.B) {
	const n = 200_000
	path := writeBenchFile(b, b.TempDir(), "parse.csv", "Дата;Оценка;Комментарий;Канал", n, func(w *bufio.Writer, i int) {
		fmt.Fprintf(w, "%02d.%02d.2024 %02d:%02d;%d;\"Оператор вежливый, ждал %d минут\";Телефон\n", i%28+1, i%12+1, i%24, i%60, i%11, i%40)
	})
	b.ResetTimer()
	rows := 0
	for i := 0; i < b.N; i++ {
		p, src := openParsed(b, path, feedbackSchema)
		rb := newRowBuilder(p, Options{})
		failOnReject(b, &rb.rowBase)
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
