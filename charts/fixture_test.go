package charts

import (
	"math/rand/v2"
	"time"

	"caredesk/data"
	"caredesk/data/kpi"
)

// monthlySeries builds a realistic monthly series from daily scores drawn
// with a fixed seed: NPS drifting from about 20 to 45, a thin month and a
// month without responses, through the real kpi.Trend.
func monthlySeries(months int, seed uint64) kpi.Series {
	rng := rand.New(rand.NewPCG(seed, 7))
	start := data.DateDay(2024, time.January, 1)
	end := data.DateDay(2024, time.Month(1+months), 1) - 1
	var days []data.DayScores
	for d := start; d <= end; d++ {
		y, m, _ := d.Date()
		idx := (y-2024)*12 + int(m) - 1
		perDay := 5 + rng.IntN(3)
		switch {
		case idx == months/3:
			perDay = 0 // the survey was paused: a gap
		case idx == months/2:
			perDay = int(d % 2) // a thin month, about 15 responses
		}
		var c data.ScoreCounts
		drift := float64(idx) / float64(max(months, 1))
		for range perDay {
			u := rng.Float64()
			switch {
			case u < 0.30-0.12*drift:
				c.AddScore(data.Score(rng.IntN(7)))
			case u < 0.55-0.05*drift:
				c.AddScore(data.Score(7 + rng.IntN(2)))
			default:
				c.AddScore(data.Score(9 + rng.IntN(2)))
			}
		}
		if c.N() > 0 {
			days = append(days, data.DayScores{Day: d, ScoreCounts: c})
		}
	}
	return kpi.Overall(kpi.Trend(days, kpi.Month, start, end), kpi.Month)
}

func russianLabels() Labels {
	return Labels{
		Title: "Индекс потребительской лояльности (NPS)", Subtitle: "Январь 2024 — декабрь 2025",
		NPS: "NPS", Band95: "95% интервал", Target: "Цель",
		Promoters: "Промоутеры", Passives: "Нейтралы", Detractors: "Критики",
		Responses: "Ответы", Empty: "Нет ответов за этот период", Thin: "n < 30", Lang: "ru",
		Period: "Период", Score: "Оценка", Low: "Нижняя граница", High: "Верхняя граница",
	}
}
