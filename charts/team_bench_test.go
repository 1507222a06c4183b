package charts

import (
	"io"
	"testing"
)

// The target: 500 employees and 10,000 plan items, the timeline
// in 200 ms or less (1200x600 PNG, rows compressed).
func BenchmarkTrainingTimelinePNG(b *testing.B) {
	d := timelineData(500, 10000, 2)
	o := Options{Width: 1200, Height: 600, Labels: teamLabels("План обучения")}
	b.ReportAllocs()
	for b.Loop() {
		if err := TrainingTimeline(d, o).PNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// The export grown to label every row (TimelineHeight(500) = 9,150px).
func BenchmarkTrainingTimelineTallPNG(b *testing.B) {
	d := timelineData(500, 10000, 2)
	o := Options{Width: 1200, Height: TimelineHeight(500), Labels: teamLabels("План обучения")}
	b.ReportAllocs()
	for b.Loop() {
		if err := TrainingTimeline(d, o).PNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrainingTimelineSVG(b *testing.B) {
	d := timelineData(500, 10000, 2)
	o := Options{Labels: teamLabels("План обучения")}
	for b.Loop() {
		if err := TrainingTimeline(d, o).SVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkTeam(b *testing.B, kind Kind, d TeamData) {
	o := Options{Width: 1200, Height: 600, Labels: teamLabels("Команда")}
	b.ReportAllocs()
	for b.Loop() {
		c, err := BuildTeam(kind, d, o)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.PNG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrainingCompletionPNG(b *testing.B) {
	benchmarkTeam(b, KindTrainingCompletion, TeamData{Completion: completionData(24)})
}

// 500 employees by 8 skills.
func BenchmarkSkillsMatrixPNG(b *testing.B) {
	benchmarkTeam(b, KindSkillsMatrix, TeamData{Skills: skillsData(500)})
}
func BenchmarkSkillsMatrixSmallPNG(b *testing.B) {
	benchmarkTeam(b, KindSkillsMatrix, TeamData{Skills: skillsData(20)})
}
func BenchmarkScorecardPNG(b *testing.B) {
	benchmarkTeam(b, KindScorecard, TeamData{Scorecard: scorecardData()})
}
func BenchmarkTrainingBudgetPNG(b *testing.B) {
	benchmarkTeam(b, KindTrainingBudget, TeamData{Budget: budgetData()})
}
