package importer

import (
	"bytes"
	"testing"
)

// Any bytes read as a spreadsheet's XML, OpenDocument or Excel 2003, are
// read without a panic.
func FuzzSheetXML(f *testing.F) {
	f.Add([]byte(`<office:document-content><table:table table:name="a"><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-spanned="2" office:value-type="date" office:date-value="2024-01-02T10:00:00"><text:p>x<text:s text:c="3"/></text:p></table:table-cell></table:table-row></table:table></office:document-content>`))
	f.Add([]byte(`<Workbook><Styles><Style ss:ID="t"><NumberFormat ss:Format="Short Time"/></Style></Styles><Worksheet ss:Name="S"><Table><Row ss:Index="2"><Cell ss:Index="3" ss:MergeAcross="2" ss:StyleID="t"><Data ss:Type="DateTime">1899-12-31T10:00:00.000</Data></Cell></Row></Table></Worksheet></Workbook>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		odsTables(bytes.NewReader(in), "", newODSStyles())
		spreadsheetMLTables(bytes.NewReader(in), "")
	})
}
