package kpi_test

import (
	"encoding/json"
	"os"
	"testing"

	"caredesk/data"
	"caredesk/data/kpi"
)

// TestTeamKeysAreTranslated: the keys the team figures build at run time
// (figure names, recommendation reasons) exist in both languages.
func TestTeamKeysAreTranslated(t *testing.T) {
	keys := []string{}
	for _, m := range kpi.ScoreMetrics {
		keys = append(keys, m.Key())
	}
	rec := kpi.Recommendation{Gap: &data.SkillGap{Required: 3}}
	for _, m := range kpi.OutcomeMeasures {
		rec.Outcomes = append(rec.Outcomes, kpi.OutcomeExcess{Measure: m}, kpi.OutcomeExcess{Measure: m, Significant: true})
	}
	for _, r := range rec.Reasons() {
		keys = append(keys, r.Key)
	}
	for _, l := range []string{"en", "ru"} {
		raw, err := os.ReadFile("../../assets/translations/teamkpi." + l + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]any
		if err := json.Unmarshal(raw, &cat); err != nil {
			t.Fatalf("teamkpi.%s.json: %v", l, err)
		}
		for _, k := range keys {
			if _, ok := cat[k]; !ok {
				t.Errorf("%s: no %q", l, k)
			}
		}
	}
	if len(keys) != len(kpi.ScoreMetrics)+7 {
		t.Errorf("%d keys", len(keys))
	}
}
