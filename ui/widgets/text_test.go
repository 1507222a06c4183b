package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

func TestFieldErrorsShowWhereTheMistakeIs(t *testing.T) {
	test.NewTempApp(t)
	fe := FieldErrors{}
	fe.Under(widget.NewEntry(), "score", "date")
	var elsewhere []error
	fe.Show(data.ValidationErrors{
		{Field: "score", Message: "score out of range"},
		{Field: "source", Message: "no source"},
	}, func(err error) { elsewhere = append(elsewhere, err) })
	if !fe["score"].Visible() || fe["score"].Text != "score out of range" {
		t.Errorf("score line: visible %v, %q", fe["score"].Visible(), fe["score"].Text)
	}
	if fe["date"].Visible() {
		t.Error("a field without an error shows its line")
	}
	if len(elsewhere) != 1 || elsewhere[0].Error() == "" {
		t.Errorf("errors of fields without a line: %v", elsewhere)
	}
	fe.Show(nil, nil)
	if fe["score"].Visible() {
		t.Error("a fixed field keeps its error")
	}
}
