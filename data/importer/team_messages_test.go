package importer

import (
	"encoding/json"
	"strings"
	"testing"
	"text/template"

	"caredesk/assets"
)

// Every team reject reason has an English and a Russian text that uses
// only the arguments the code passes.
func TestTeamReasonsAreTranslated(t *testing.T) {
	reasons := []teamReason{reasonEmployeeStatus, reasonTrainingStatus, reasonCourseFormat, reasonFormatMissing, reasonHours, reasonCost,
		reasonNameMissing, reasonTitleMissing, reasonPlanMissing, reasonEndBefore, reasonDoneNoDate, reasonDateNotDone,
		reasonCompletedBefore, reasonUnknownEmployee, reasonUnknownCourse, reasonDuplicateRow, reasonTooLongText}
	for _, lng := range []string{"en", "ru"} {
		raw, err := assets.Translations.ReadFile("translations/teamimport." + lng + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]any
		if err := json.Unmarshal(raw, &cat); err != nil {
			t.Fatal(err)
		}
		for _, w := range []Message{warnNoColumn(FieldName)} {
			text, ok := cat[w.Code].(string)
			if !ok {
				t.Errorf("%s: no %s text", w.Code, lng)
				continue
			}
			tpl, err := template.New(w.Code).Option("missingkey=error").Parse(text)
			if err == nil {
				err = tpl.Execute(&strings.Builder{}, w.Args)
			}
			if err != nil {
				t.Errorf("%s (%s): %v", w.Code, lng, err)
			}
		}
		for _, r := range reasons {
			args := make([]any, len(r.args))
			for i := range args {
				args[i] = 7
			}
			m := r.msg(args...)
			if m.Text == "" || strings.Contains(m.Text, "%!") {
				t.Errorf("%s: English text %q", m.Code, m.Text)
			}
			text, ok := cat[m.Code].(string)
			if !ok {
				t.Errorf("%s: no %s text", m.Code, lng)
				continue
			}
			tpl, err := template.New(m.Code).Option("missingkey=error").Parse(text)
			if err != nil {
				t.Errorf("%s (%s): %v", m.Code, lng, err)
				continue
			}
			if m.Args == nil {
				m.Args = map[string]any{}
			}
			if err := tpl.Execute(&strings.Builder{}, m.Args); err != nil {
				t.Errorf("%s (%s): %v", m.Code, lng, err)
			}
		}
	}
}

func TestTeamValueParsers(t *testing.T) {
	for in, want := range map[string]string{"Работает": "active", "В отпуске": "on_leave", "Уволена": "left", "не работает": "left",
		"on leave": "on_leave", "Terminated": "left", "inactive": "left", "Испытательный срок": "active", "Декрет": "on_leave"} {
		if got, ok := parseEmployeeStatus(in); !ok || string(got) != want {
			t.Errorf("employee status %q: %q %v, want %q", in, got, ok, want)
		}
	}
	for in, want := range map[string]string{"Не начат": "planned", "Начат": "in_progress", "Завершён": "done", "Не сдан": "done",
		"In progress": "in_progress", "Not started": "planned", "Incomplete": "in_progress", "Canceled": "cancelled", "Пройден": "done"} {
		if got, ok := parseTrainingStatus(in); !ok || string(got) != want {
			t.Errorf("training status %q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"Непонятно", "maybe"} {
		if _, ok := parseTrainingStatus(bad); ok {
			t.Errorf("training status %q accepted", bad)
		}
	}
	for in, want := range map[string]float64{"16": 16, "1,5": 1.5, "2 ч": 2, "90 мин": 1.5, "1:30": 1.5, "3 дня": 24, "2 days": 16} {
		if got, ok := parseHours(in, unitHours); !ok || got != want {
			t.Errorf("hours %q: %v %v, want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"много", "-3", "abc ч"} {
		if _, ok := parseHours(bad, unitHours); ok {
			t.Errorf("hours %q accepted", bad)
		}
	}
	for _, c := range []struct {
		lang, in string
		want     int64
	}{{"ru", "12 500 ₽", 1250000}, {"ru", "1 234,50 руб.", 123450}, {"en", "$1,200.00", 120000}, {"en", "Free", 0}, {"ru", "бесплатно", 0}} {
		if got, ok := parseCost(c.lang, c.in); !ok || got != c.want {
			t.Errorf("cost %q (%s): %d %v, want %d", c.in, c.lang, got, ok, c.want)
		}
	}
	if _, ok := parseCost("ru", "дорого"); ok {
		t.Error("cost «дорого» accepted")
	}
}
