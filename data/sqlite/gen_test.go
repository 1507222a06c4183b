package sqlite

import (
	"fmt"
	"math/rand/v2"
	"time"

	"caredesk/data"
)

// A generator of realistic survey rows for tests and benchmarks: skewed
// scores, a few channels, Russian and English touchpoints, comments on some
// rows, tags on fewer, and most rows linked to one of a few thousand
// clients.
var (
	genTouchpoints = []string{"Покупка", "Доставка", "Оплата", "Возврат", "Поддержка", "Onboarding", "Billing", "Сайт", "Установка", "Гарантия"}
	genTags        = []string{"скорость", "вежливость", "цена", "качество", "ожидание", "delivery", "refund", "app"}
	genSegments    = []string{"B2B", "B2C", "VIP", "SMB"}
	genComments    = []string{
		"Всё быстро и вежливо, спасибо!",
		"Долго ждал ответа оператора, минут двадцать.",
		"Courier was late twice, otherwise fine.",
		"Цена выше, чем у конкурентов, но качество хорошее.",
		"The app keeps logging me out.",
		"Возврат оформили без вопросов.",
		"Не смогли решить проблему с первого раза",
		"Great support, solved in 5 minutes",
		"Сайт тормозит при оплате картой",
		"Менеджер перезвонил, как обещал. 100% рекомендую",
	}
	// cumulative weights of scores 0..10 (sum 97) and of unscored (3)
	genScoreWeights   = []int{3, 5, 7, 9, 12, 18, 24, 34, 49, 72, 97}
	genChannelWeights = []struct {
		c data.Channel
		w int
	}{{data.ChannelEmail, 35}, {data.ChannelWeb, 60}, {data.ChannelPhone, 80}, {data.ChannelChat, 92}, {data.ChannelStore, 98}, {data.ChannelOther, 100}}
)

// genRow returns row i of n spread evenly over span from start, in time
// order like a survey export.
func genRow(r *rand.Rand, i, n int, start time.Time, span time.Duration) data.Feedback {
	f := data.Feedback{
		RespondedAt: start.Add(time.Duration(int64(span) / int64(n) * int64(i))).Add(time.Duration(r.IntN(60)) * time.Second),
		Score:       data.NoScore,
		Touchpoint:  genTouchpoints[r.IntN(len(genTouchpoints))],
		ExternalID:  fmt.Sprintf("R%08d", i),
	}
	s := r.IntN(100)
	for score, w := range genScoreWeights {
		if s < w {
			f.Score = data.Score(score)
			break
		}
	}
	c := r.IntN(100)
	for _, cw := range genChannelWeights {
		if c < cw.w {
			f.Channel = cw.c
			break
		}
	}
	if r.IntN(100) < 40 {
		f.Comment = genComments[r.IntN(len(genComments))]
	}
	if r.IntN(100) < 30 {
		f.Tags = append(f.Tags, genTags[r.IntN(len(genTags))])
		if r.IntN(3) == 0 {
			f.Tags = append(f.Tags, genTags[r.IntN(len(genTags))])
		}
	}
	if r.IntN(100) < 60 {
		id := r.IntN(5000)
		f.ClientName = fmt.Sprintf("Клиент %04d", id)
		f.Segment = genSegments[id%len(genSegments)]
	}
	return f
}

// makeRows returns n rows over 60 days of 2024.
func makeRows(n int, seed uint64) []data.Feedback {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]data.Feedback, n)
	for i := range out {
		out[i] = genRow(r, i, n, at(2024, 1, 1, 0, 0), 60*24*time.Hour)
	}
	return out
}
