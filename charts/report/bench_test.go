package report

import (
	"io"
	"testing"

	"caredesk/charts"
)

func BenchmarkChartPDF(b *testing.B) {
	ch := charts.NPSTrend(monthly(), charts.Options{Labels: labels()})
	p := Page{Chart: ch, Footer: "CareDesk"}
	for b.Loop() {
		if err := ChartPDF(io.Discard, p, Options{Deterministic: true}); err != nil {
			b.Fatal(err)
		}
	}
}
