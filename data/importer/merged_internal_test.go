package importer

import (
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// The merges are found whatever the reads cut the XML into, under a
// namespace prefix too, and text that says "mergeCells" is no tag.
func TestScanMerges(t *testing.T) {
	cells := strings.Repeat(`<row r="9"><c r="A9" t="inlineStr"><is><t>mergeCells x:mergeCells</t></is></c></row>`, 5000)
	want := []cellRange{{3, 2, 5, 2}, {1, 1, 1, 4}}
	for name, xml := range map[string]string{
		"plain":    `<worksheet><sheetData>` + cells + `</sheetData><mergeCells count="2"><mergeCell ref="B3:B5"/><mergeCell ref="A1:D1"/></mergeCells><pageMargins/></worksheet>`,
		"prefixed": `<x:worksheet xmlns:x="s"><x:sheetData>` + cells + `</x:sheetData><x:mergeCells count="3"><x:mergeCell ref="B5:B3"/><x:mergeCell ref="C7"/><x:mergeCell ref="A1:D1"/></x:mergeCells></x:worksheet>`,
	} {
		for how, r := range map[string]io.Reader{
			"whole":           strings.NewReader(xml),
			"a byte per read": iotest.OneByteReader(strings.NewReader(xml)),
			"half reads":      iotest.HalfReader(strings.NewReader(xml)),
		} {
			if got, err := scanMerges(r); err != nil || !slices.Equal(got, want) {
				t.Errorf("%s, %s: %v %v, want %v", name, how, got, err, want)
			}
		}
	}
	if got, err := scanMerges(strings.NewReader(`<worksheet><sheetData>` + cells + `</sheetData></worksheet>`)); err != nil || got != nil {
		t.Errorf("no merges: %v %v", got, err)
	}
}
