package charts

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"caredesk/data"
)

var teamNamesRU = []string{"Анна Смирнова", "Борис Кузнецов", "Вера Попова", "Григорий Васильев", "Дарья Петрова",
	"Евгений Соколов", "Жанна Михайлова", "Захар Новиков", "Ирина Фёдорова", "Константин Морозов-Преображенский"}

var coursesRU = []string{"Работа с возражениями", "Деловая переписка", "Продукт: тарифы", "CRM для продвинутых", "Эмпатия в сервисе"}

// teamToday is the fixtures' today: mid-2025.
var teamToday = data.DateDay(2025, time.June, 15)

// timelineData plans items per employee over 2025 with a fixed seed:
// done items in the past, running ones around today, planned ones ahead,
// some overdue and some cancelled.
func timelineData(employees, items int, seed uint64) TimelineData {
	rng := rand.New(rand.NewPCG(seed, 3))
	d := TimelineData{Today: teamToday}
	for i := range employees {
		name := teamNamesRU[i%len(teamNamesRU)]
		if i >= len(teamNamesRU) {
			name = fmt.Sprintf("%s %d", name, i)
		}
		d.Rows = append(d.Rows, TimelineRow{Label: name})
	}
	start := data.DateDay(2025, time.January, 1)
	for k := range items {
		row := k % employees
		ps := start + data.Day(rng.IntN(330))
		pe := ps + data.Day(3+rng.IntN(40))
		b := TimelineBar{Label: coursesRU[k%len(coursesRU)], PlannedStart: ps, PlannedEnd: pe, Status: data.TrainingPlanned}
		switch {
		case rng.IntN(12) == 0:
			b.Status = data.TrainingCancelled
		case pe < teamToday && rng.IntN(5) > 0:
			b.Status, b.ActualStart = data.TrainingDone, ps+data.Day(rng.IntN(5))
			b.ActualEnd = min(teamToday-1, pe+data.Day(rng.IntN(15)-5))
			b.ActualEnd = max(b.ActualEnd, b.ActualStart)
		case ps <= teamToday:
			b.Status, b.ActualStart = data.TrainingInProgress, ps+data.Day(rng.IntN(3))
			b.ActualStart = min(b.ActualStart, teamToday)
		}
		b.Overdue = b.Status.Open() && b.PlannedEnd < teamToday
		d.Rows[row].Bars = append(d.Rows[row].Bars, b)
	}
	return d
}

func skillsData(employees int) SkillsMatrixData {
	d := SkillsMatrixData{Skills: []SkillColumn{
		{"Тарифы", "Продукт"}, {"Возвраты", "Продукт"}, {"Доставка", "Продукт"},
		{"Переписка", "Коммуникация"}, {"Телефон", "Коммуникация"}, {"Конфликты", "Коммуникация"},
		{"CRM", "Инструменты"}, {"База знаний", "Инструменты"},
	}}
	for i := range employees {
		d.Employees = append(d.Employees, teamNamesRU[i%len(teamNamesRU)])
		row := make([]SkillCell, len(d.Skills))
		for j := range row {
			row[j] = SkillCell{Level: data.SkillLevel((i + 2*j) % 5), Assessed: (i+j)%7 != 6, Required: data.SkillLevel((j % 3) + 1)}
		}
		d.Cells = append(d.Cells, row)
	}
	return d
}

func scorecardData() ScorecardData {
	return ScorecardData{Employee: "Анна Смирнова", Metrics: []ScorecardMetric{
		{Label: "Жалоб решено", Agent: 84, Team: 61, AgentText: "84", TeamText: "61"},
		{Label: "Медиана времени решения, ч", Agent: 9.5, Team: 7.2, LowerIsBetter: true},
		{Label: "Повторные открытия, %", Agent: 3.1, Team: 5.4, LowerIsBetter: true},
		{Label: "Соблюдение SLA, %", Agent: 91, Team: 88},
		{Label: "Довольные клиенты, %", Agent: 72, Team: 78},
		{Label: "NPS", Agent: -12, Team: 18, AgentText: "−12", TeamText: "18"},
		{Label: "Благодарности", Agent: 4, Team: 2},
		{Label: "Часы обучения", Agent: math.NaN(), Team: 12},
	}}
}

func completionData(months int) CompletionData {
	var d CompletionData
	for i := range months {
		y, m := 2025+i/12, time.Month(1+i%12)
		d.Months = append(d.Months, CompletionMonth{Label: data.FormatMonth("ru", y, m), Planned: int64(10 + i%5*3), Done: int64(8 + (i*7)%9)})
	}
	return d
}

func budgetData() TrainingBudgetData {
	return TrainingBudgetData{Quarters: []BudgetQuarter{
		{Label: "I кв. 2025", HoursPlanned: 120, HoursDone: 96, CostPlanned: 180_000_00, CostDone: 150_000_00, Budget: 200_000_00},
		{Label: "II кв. 2025", HoursPlanned: 160, HoursDone: 88.5, CostPlanned: 240_000_00, CostDone: 130_500_50, Budget: 200_000_00},
		{Label: "III кв. 2025", HoursPlanned: 90, CostPlanned: 120_000_00, Budget: 150_000_00},
		{Label: "IV кв. 2025", HoursPlanned: 40, CostPlanned: 60_000_00},
	}}
}

func teamLabels(title string) Labels {
	return Labels{
		Title: title, Subtitle: "Январь — декабрь 2025", Lang: "ru", Empty: "Нет данных за этот период",
		Planned: "Запланировано", InProgress: "Идёт", Done: "Завершено", Cancelled: "Отменено", Overdue: "Просрочено",
		Plan: "План", Actual: "Факт", Today: "Сегодня", Trainings: "Обучения",
		SkillLevels: [5]string{"Нет", "Учится", "С помощью", "Самостоятельно", "Может учить"},
		NotAssessed: "Не оценено", Gap: "Ниже требуемого", TeamMedian: "Медиана команды",
		Better: "Лучше команды", Worse: "Хуже команды", Cost: "Стоимость (план)", Spent: "Потрачено",
		Budget: "Бюджет", TrainingHours: "Часы: пройдено / по плану", HoursPlanned: "Часов по плану", HoursDone: "Часов пройдено", Employee: "Сотрудник", Course: "Курс", Status: "Статус",
		Metric: "Показатель", PlannedStart: "Начало (план)", PlannedEnd: "Конец (план)", Started: "Начато",
		Completed: "Завершено", Period: "Период",
	}
}

func teamData() TeamData {
	return TeamData{Timeline: timelineData(10, 40, 1), Completion: completionData(12), Skills: skillsData(10),
		Scorecard: scorecardData(), Budget: budgetData()}
}
