package main

import (
	"context"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"caredesk/data"
)

// A command's work does not run on the caller's thread when the caller
// is locked to it, as Fyne locks the main goroutine to the main thread:
// there, an import's hand-offs to its goroutines waited for thread
// switches (a million tickets 16 s instead of 13 s).
func TestCommandsRunOffTheLockedThread(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	locked := syscall.Gettid()
	a := &app{dbPath: filepath.Join(t.TempDir(), "caredesk.db")}
	ran := 0
	if err := a.withStore(context.Background(), func(data.Store) error {
		ran = syscall.Gettid()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if ran == 0 || ran == locked {
		t.Fatalf("the command ran on thread %d, the caller's locked thread is %d", ran, locked)
	}
}
