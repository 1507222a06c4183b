package importer

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// A file the user may not read is named in the message (checked here
// without the file, as the tests may run as root, who reads any file).
func TestNoAccessMessage(t *testing.T) {
	err := fileError("answers.csv", &os.PathError{Op: "open", Path: "/x/answers.csv", Err: fs.ErrPermission})
	var me *MessageError
	if !errors.As(err, &me) || me.Code != errNoAccess || me.Args["File"] != "answers.csv" || !strings.Contains(me.Text, "answers.csv") {
		t.Fatalf("%#v", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("the cause is lost: %v", err)
	}
}
