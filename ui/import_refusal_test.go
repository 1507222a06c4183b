package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"caredesk/ui/widgets"
)

// overlayTexts lists the label texts on the window's top overlay.
func overlayTexts(s *shell) []string {
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

// within reports whether cond (run on the UI goroutine) turns true
// within a few seconds.
func within(cond func() bool) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		ok := false
		widgets.Do(func() { ok = cond() })
		if ok {
			return true
		}
	}
	return false
}

// errorDialogText is msg as Fyne's error dialog shows it: first letter
// capitalised.
func errorDialogText(msg string) string {
	r, size := utf8.DecodeRuneInString(msg)
	return string(unicode.ToUpper(r)) + msg[size:]
}

// The import wizard's refusals name the file, in English and Russian:
// the importer's sentence that does not name it ("Column «Star Rating»
// holds star ratings…", "This file is a PDF document…") was
// shown alone, and one that does ("… is not a readable XLSX workbook")
// got its name capitalised. A file of headings alone is refused, and no
// empty import is recorded.
func TestImportRefusalsNameTheFile(t *testing.T) {
	s := newTestShell(t)
	t.Cleanup(func() { widgets.Do(func() { LoadTranslations("en") }) })
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	book, err := os.ReadFile("../data/importer/testdata/complaints.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	encrypted := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 1000)...)
	for _, r := range "EncryptedPackage" {
		encrypted = append(encrypted, byte(r), 0)
	}
	headings := excelize.NewFile()
	for i, h := range []string{"Ticket ID", "Created", "Status", "Priority"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		headings.SetCellValue("Sheet1", cell, h)
	}
	if err := headings.SaveAs(filepath.Join(dir, "tickets.xlsx")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path       string
		complaints bool
		start      bool // refused by the import, not by the first look
		key        string
		args       map[string]any // File is added
		named      bool           // the message names the file itself
	}{
		{write("reviews.csv", []byte("Date,Star Rating,Review Text\n2024-01-02,5,Great\n2024-01-03,2,Slow\n")), false, true,
			"import.error.star_ratings", map[string]any{"Column": "Star Rating"}, false},
		{write("answers.csv", []byte("%PDF-1.7\n")), false, false, "import.error.pdf", nil, false},
		{write("register.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xx")), true, false, "import.error.damaged_xls", nil, true},
		{write("cut.xlsx", book[:len(book)/2]), true, false, "import.error.bad_workbook", nil, true},
		{write("locked.xlsx", encrypted), false, false, "import.error.encrypted", nil, true},
		{write("survey.csv", []byte("Date,Score,Comment\n")), false, false, "import.error.no_rows", nil, true},
		{filepath.Join(dir, "tickets.xlsx"), true, false, "import.error.no_rows", nil, true},
	}
	for _, code := range []string{"en", "ru"} {
		widgets.Do(func() { s.setLanguage(code) })
		for _, c := range cases {
			base := filepath.Base(c.path)
			args := map[string]any{"File": base}
			for k, v := range c.args {
				args[k] = v
			}
			want := lang.L(c.key, args)
			if !c.named {
				want = lang.L("import.error.in_file", map[string]any{"File": base, "Message": want})
			}
			want = errorDialogText(want)
			if !strings.Contains(want, base) {
				t.Fatalf("%s: the expected message %q does not name the file", code, want)
			}
			widgets.Do(func() {
				if c.complaints {
					s.comps.ImportFile(c.path)
				} else {
					s.feed.ImportFile(c.path)
				}
			})
			if c.start {
				start := lang.L("importwizard.start")
				eventually(t, base+"'s preview", func() bool {
					top := s.win.Canvas().Overlays().Top()
					return top != nil && findButton(top, start) != nil
				})
				widgets.Do(func() { test.Tap(findButton(s.win.Canvas().Overlays().Top(), start)) })
			}
			var shown []string
			if !within(func() bool { shown = overlayTexts(s); return slices.Contains(shown, want) }) {
				t.Errorf("%s, %s: the dialog shows %q, want %q", code, base, shown, want)
			}
			widgets.Do(func() { s.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
			eventually(t, base+"'s dialog to close", func() bool { return s.win.Canvas().Overlays().Top() == nil })
		}
	}
	batches, err := s.store.ImportBatches(context.Background())
	if err != nil || len(batches) != 0 {
		t.Errorf("import batches %+v (%v), want none", batches, err)
	}
}

// A refusal met when the wizard reads the file again (here: two header
// rows leave no data) shows in the wizard translated and naming the file;
// it showed the importer's English text.
func TestWizardReinspectRefusalIsTranslated(t *testing.T) {
	s := newTestShell(t)
	t.Cleanup(func() { widgets.Do(func() { LoadTranslations("en") }) })
	widgets.Do(func() { s.setLanguage("ru") })
	path := filepath.Join(t.TempDir(), "answers.csv")
	if err := os.WriteFile(path, []byte("Date,Score,Comment\n2024-01-02,9,ok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	widgets.Do(func() { s.feed.ImportFile(path) })
	var headerRows *widget.Select
	if !within(func() bool {
		if top := s.win.Canvas().Overlays().Top(); top != nil {
			for _, o := range test.LaidOutObjects(top) {
				if sel, ok := o.(*widget.Select); ok && slices.Equal(sel.Options, []string{"1", "2", "3"}) {
					headerRows = sel
				}
			}
		}
		return headerRows != nil
	}) {
		t.Fatal("no wizard with a choice of header rows")
	}
	widgets.Do(func() { headerRows.SetSelected("2") })
	want := lang.L("import.error.no_rows", map[string]any{"File": "answers.csv"})
	var shown []string
	if !within(func() bool { shown = overlayTexts(s); return slices.Contains(shown, want) }) {
		t.Errorf("the wizard shows %q, want %q", shown, want)
	}
}
