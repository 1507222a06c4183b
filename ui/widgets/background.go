package widgets

import "sync"

// background counts the goroutines screens start to load data or render
// charts, so tests can wait until the UI is idle before the next test
// replaces the app (Fyne's test app shares caches across tests).
var background sync.WaitGroup

// Go runs f in a goroutine that WaitIdle waits for. Use it for work a
// screen starts off the UI goroutine.
func Go(f func()) {
	background.Add(1)
	go func() {
		defer background.Done()
		f()
	}()
}

// WaitIdle blocks until every goroutine started by Go, and every pending
// chart render, has finished. Never call it from inside Do.
func WaitIdle() { background.Wait() }

// Write runs a store change off the UI goroutine, counted in busy so a
// screen (and its tests) can wait for it. Back on the UI goroutine, done
// gets the error when given, otherwise an error goes to showError; a
// success then calls changed (tell the shell, reload the screen).
func Write(busy *sync.WaitGroup, change func() error, done, showError func(error), changed func()) {
	busy.Add(1)
	Go(func() {
		defer busy.Done()
		err := change()
		Do(func() {
			if done != nil {
				done(err)
			} else if err != nil {
				showError(err)
			}
			if err == nil {
				changed()
			}
		})
	})
}
