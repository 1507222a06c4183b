package importer_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"caredesk/data/importer"
)

// A damaged Excel 97-2003 workbook and a PDF are refused by what their
// bytes are, whatever their names, with a message saying how to get a
// file the import reads; nothing is stored. Read as text, the .xls gave a
// screen of garbage as its "title".
func TestOtherFormatsRefused(t *testing.T) {
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), bytes.Repeat([]byte{0xFF, 0x00, 0x41}, 200)...)
	for name, c := range map[string]struct {
		content []byte
		code    string
	}{
		"register.xls": {ole, "import.error.damaged_xls"},
		"answers.csv":  {ole, "import.error.damaged_xls"}, // misnamed
		"report.pdf":   {[]byte("%PDF-1.7\n1 0 obj\n"), "import.error.pdf"},
	} {
		path := writeFile(t, name, c.content)
		db := openStore(t)
		_, err := importer.ImportFeedback(t.Context(), db, path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
		var me *importer.MessageError
		if !errors.Is(err, importer.ErrOtherFormat) || !errors.As(err, &me) || me.Message.Code != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
		if _, err := importer.InspectComplaints(path, importer.Options{}); !errors.Is(err, importer.ErrOtherFormat) {
			t.Errorf("%s as tickets: %v", name, err)
		}
		assertEmpty(t, db)
	}
}
