package widgets

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Task is long work run off the UI goroutine. It reports progress as a
// fraction 0..1 and must stop when ctx is cancelled.
type Task func(ctx context.Context, progress func(fraction float64)) error

// RunWithProgress runs task in a goroutine behind a modal dialog with a
// progress bar and a Cancel button; done runs on the UI goroutine with the
// task's error (context.Canceled after a cancel).
func RunWithProgress(win fyne.Window, title string, task Task, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	d := dialog.NewCustom(title, lang.L("dialog.cancel"), container.NewPadded(bar), win)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	ShowWithEscape(win, d)
	Go(func() {
		err := task(ctx, func(f float64) { Do(func() { bar.SetValue(f) }) })
		Do(func() {
			d.Hide() // runs cancel, harmless once the task is over
			if done != nil {
				done(err)
			}
		})
	})
}
