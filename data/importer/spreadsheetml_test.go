package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"caredesk/data"
)

// registerXML is a complaints register as older .NET and 1C tools write
// Excel 2003's XML Spreadsheet under a .xls name: a summary sheet first,
// styles naming a time of day, rows and cells placed by ss:Index, a
// client merged down over two rows, a comment and rich text in cells.
const registerXML = `<?xml version="1.0" encoding="windows-1251"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"/>
  <Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style>
  <Style ss:ID="t"><NumberFormat ss:Format="Short Time"/></Style>
  <Style ss:ID="dur"><NumberFormat ss:Format="[h]:mm"/></Style>
 </Styles>
 <Worksheet ss:Name="Сводка">
  <Table><Row><Cell><Data ss:Type="String">Всего</Data></Cell><Cell><Data ss:Type="Number">4</Data></Cell></Row></Table>
 </Worksheet>
 <Worksheet ss:Name="Обращения">
  <Table>
   <Row><Cell><Data ss:Type="String">Реестр обращений за март 2024 г.</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">Номер</Data></Cell><Cell><Data ss:Type="String">Дата обращения</Data></Cell>
    <Cell><Data ss:Type="String">Клиент</Data></Cell><Cell><Data ss:Type="String">Статус</Data></Cell>
    <Cell><Data ss:Type="String">Дата решения</Data></Cell><Cell><Data ss:Type="String">Время решения</Data></Cell>
    <Cell><Data ss:Type="String">Время реакции</Data></Cell><Cell><Data ss:Type="String">Срочно</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">101</Data></Cell><Cell><Data ss:Type="DateTime">2024-03-04T09:15:00.000</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">ООО «Ромашка»</Data><Comment><Data>Ключевой клиент</Data></Comment></Cell>
    <Cell><Data ss:Type="String">Решено</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-03-05T00:00:00.000</Data></Cell>
    <Cell ss:StyleID="t"><Data ss:Type="DateTime">1899-12-31T11:45:00.000</Data></Cell>
    <Cell ss:StyleID="dur"><Data ss:Type="DateTime">1899-12-31T00:26:00.000</Data></Cell><Cell><Data ss:Type="Boolean">1</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">102</Data></Cell><Cell><Data ss:Type="DateTime">2024-03-05T10:00:00.000</Data></Cell>
    <Cell ss:Index="4"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>В</B> работе</ss:Data></Cell>
    <Cell ss:Index="7" ss:StyleID="dur"><Data ss:Type="DateTime">1900-01-01T02:30:00.000</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">103</Data></Cell><Cell><Data ss:Type="String">31.02.2024</Data></Cell>
    <Cell><Data ss:Type="String">ИП Петров</Data></Cell><Cell><Data ss:Type="String">Новое</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
</Workbook>
`

func writeRegisterXML(t *testing.T, dir, name, content string) string {
	t.Helper()
	raw, err := charmap.Windows1251.NewEncoder().String(content)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The cells are read as the importer needs them: rows and columns in
// their places, a time of day and a duration on Excel's day 0 as times,
// rich text as its words, comments left out.
func TestSpreadsheetMLCells(t *testing.T) {
	path := writeRegisterXML(t, t.TempDir(), "register.xls", registerXML)
	tables, err := readSpreadsheetML(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 2 || tables[1].name != "Обращения" {
		t.Fatalf("%d sheets", len(tables))
	}
	want := []string{
		"Реестр обращений за март 2024 г.",
		"",
		"Номер;Дата обращения;Клиент;Статус;Дата решения;Время решения;Время реакции;Срочно",
		"101;2024-03-04 09:15;ООО «Ромашка»;Решено;2024-03-05;11:45:00;00:26:00;TRUE",
		"102;2024-03-05 10:00;;В работе;;;26:30:00",
		"103;31.02.2024;ИП Петров;Новое",
	}
	if got := flatten(tables[1].rows); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if !tables[1].clocks[5] || tables[1].clocks[6] {
		t.Errorf("time-of-day columns %v, want «Время решения» (5) alone", tables[1].clocks)
	}
	if len(tables[1].merges) != 1 || tables[1].merges[0] != (cellRange{top: 4, left: 3, bottom: 5, right: 3}) {
		t.Errorf("merges %v", tables[1].merges)
	}
}

// The register imports into a real store from the sheet that holds it:
// the client merged down fills both complaints, «Время решения» (Short
// Time) is the resolution's time of day, the bad date is rejected under
// the sheet's row, and importing again adds nothing.
func TestImportSpreadsheetML(t *testing.T) {
	dir := t.TempDir()
	path := writeRegisterXML(t, dir, "Реестр.xls", registerXML)
	db := openXLSStore(t)
	res, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC}, nil)
	if err != nil || res.Imported != 2 || res.Rejected != 1 {
		t.Fatalf("%+v, %v", res, err)
	}
	rejects, err := os.ReadFile(RejectsPath(path))
	if err != nil || !strings.Contains(string(rejects), "Реестр.xls,6,Дата обращения,31.02.2024,") {
		t.Errorf("rejects (%v):\n%s", err, rejects)
	}
	got := storedByID(t, db)
	c101, c102 := got["101"], got["102"]
	if c101.ClientName != "ООО «Ромашка»" || c102.ClientName != "ООО «Ромашка»" {
		t.Errorf("clients %q, %q", c101.ClientName, c102.ClientName)
	}
	if f := data.DeriveFacts(c101.Events); !f.ResolvedAt.Equal(time.Date(2024, 3, 5, 11, 45, 0, 0, time.UTC)) || !f.FirstResponseAt.Equal(time.Date(2024, 3, 4, 9, 41, 0, 0, time.UTC)) {
		t.Errorf("101: resolved %v, first response %v", f.ResolvedAt, f.FirstResponseAt)
	}
	if c102.Status != data.StatusInProgress {
		t.Errorf("102: status %q", c102.Status)
	}
	if again, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil); err != nil || again.Imported != 0 {
		t.Errorf("again: %+v, %v", again, err)
	}
}

// A spreadsheet cut short is refused with what to do, and nothing is
// stored.
func TestSpreadsheetMLCutShort(t *testing.T) {
	path := writeRegisterXML(t, t.TempDir(), "cut.xls", registerXML[:len(registerXML)/2])
	db := openXLSStore(t)
	_, err := ImportComplaints(context.Background(), db, path, Options{Location: time.UTC, RejectsPath: "-"}, nil)
	var me *MessageError
	if !errors.Is(err, ErrOtherFormat) || !errors.As(err, &me) || me.Message.Code != errDamagedSpreadsheetML {
		t.Errorf("cut: %v", err)
	}
	if n, _ := db.CountComplaints(context.Background(), data.ComplaintFilter{}); n != 0 {
		t.Errorf("%d stored", n)
	}
}
