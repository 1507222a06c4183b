package importer_test

import (
	"testing"

	"caredesk/data"
	"caredesk/data/importer"
)

// The channel, the touchpoint and the client of a survey answer under
// more of the names exports give them. A department, product, store or
// branch is what or where the answer was about: it goes to the
// touchpoint (the one free breakdown) rather than nowhere, and a real
// "Touchpoint" column still wins.
func TestSurveyDimensionHeaders(t *testing.T) {
	for _, tc := range []struct {
		headers []string
		value   string
		want    string
		get     func(data.Feedback) string
	}{
		{[]string{"Response Source", "Способ опроса"}, "Email", string(data.ChannelEmail), func(f data.Feedback) string { return string(f.Channel) }},
		{[]string{"Survey", "Event", "Department", "Product", "Service", "Team", "Location", "Store", "Branch", "Отдел", "Услуга", "Филиал", "Магазин"},
			"Delivery", "Delivery", func(f data.Feedback) string { return f.Touchpoint }},
		{[]string{"Organization", "Организация"}, "Acme Ltd", "Acme Ltd", func(f data.Feedback) string { return f.ClientName }},
	} {
		for _, h := range tc.headers {
			db := openStore(t)
			importFile(t, db, writeFile(t, "answers.csv", []byte(lines("Date,Score,"+h+",Comment", "2024-03-04,9,"+tc.value+",ok"))),
				importer.Options{RejectsPath: "-"})
			got := ""
			if rows := stored(t, db); len(rows) == 1 {
				got = tc.get(rows[0])
			}
			if got != tc.want {
				t.Errorf("%q: %q, want %q", h, got, tc.want)
			}
		}
	}
	db := openStore(t)
	importFile(t, db, writeFile(t, "both.csv", []byte(lines("Date,Score,Store,Touchpoint,Comment", "2024-03-04,9,Store 12,After delivery,ok"))),
		importer.Options{RejectsPath: "-"})
	if rows := stored(t, db); len(rows) != 1 || rows[0].Touchpoint != "After delivery" {
		t.Errorf("a Touchpoint column beside Store: %+v", rows)
	}
}
