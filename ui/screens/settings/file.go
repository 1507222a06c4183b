package settings

import (
	"errors"
	"os"
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
