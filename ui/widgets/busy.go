package widgets

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// RunBusy runs work whose length is unknown (one big transaction) in a
// goroutine behind a modal dialog with a moving bar and a Cancel button;
// done runs on the UI goroutine with the work's error (context.Canceled
// after a cancel).
func RunBusy(win fyne.Window, title, text string, work func(ctx context.Context) error, done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("dialog.cancel"), container.NewVBox(label, bar), win)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	ShowWithEscape(win, d)
	Go(func() {
		err := work(ctx)
		Do(func() {
			bar.Stop()
			d.Hide()
			if done != nil {
				done(err)
			}
		})
	})
}
