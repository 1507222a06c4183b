package settings

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// removeEmpty deletes path when it is an empty file (the save dialog
// creates one); a file with content is left alone and reported.
func removeEmpty(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if fi.Size() > 0 {
		return errors.New(path + ": file exists")
	}
	return os.Remove(path)
}

// zoneName is the IANA name of loc. Go calls the machine's zone "Local";
// the manager should see which zone that is, so it is looked up where the
// system keeps it ($TZ, then the /etc/localtime link).
func zoneName(loc *time.Location) string {
	if loc.String() != "Local" {
		return loc.String()
	}
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" {
		return tz
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
			return name
		}
	}
	return loc.String()
}
