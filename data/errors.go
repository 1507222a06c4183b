package data

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors every store implementation maps its driver errors to.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
	ErrConflict = errors.New("conflict")
	// ErrNewerSchema means the database file was written by a newer CareDesk.
	ErrNewerSchema = errors.New("database was created by a newer version of CareDesk")
)

// FieldError is a validation failure of one field. Key is a translation key
// (see assets/translations) so the UI can show the message at the field in
// the user's language; Error() gives the English text for logs and the CLI.
type FieldError struct {
	Field   string // field name, e.g. "score"
	Key     string // translation key of the message
	Message string // English message
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Is makes errors.Is(err, ErrInvalid) true for every field error.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// ValidationErrors collects every failing field of one value.
type ValidationErrors []*FieldError

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (v ValidationErrors) Is(target error) bool { return target == ErrInvalid }

// For returns the error of the named field, or nil.
func (v ValidationErrors) For(field string) *FieldError {
	for _, e := range v {
		if e.Field == field {
			return e
		}
	}
	return nil
}

func (v ValidationErrors) orNil() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

func fieldErr(field, key, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Key: key, Message: fmt.Sprintf(format, args...)}
}
