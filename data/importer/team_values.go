package importer

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"caredesk/data"
)

// teamWords normalises a cell for the word lists below: lower case, ё as
// е, punctuation and extra spaces dropped.
func teamWords(s string) string {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "ё", "е"))
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// employeeStatusWords are how HR systems and staff lists write an
// employee's status, by the word it starts with.
var employeeStatusWords = []struct {
	prefix string
	status data.EmployeeStatus
}{
	{"работает", data.EmployeeActive}, {"работающ", data.EmployeeActive}, {"активн", data.EmployeeActive}, {"действ", data.EmployeeActive},
	{"в штате", data.EmployeeActive}, {"штатн", data.EmployeeActive}, {"испытательн", data.EmployeeActive},
	{"active", data.EmployeeActive}, {"employed", data.EmployeeActive}, {"current", data.EmployeeActive}, {"probation", data.EmployeeActive},
	{"отпуск", data.EmployeeOnLeave}, {"в отпуске", data.EmployeeOnLeave}, {"декрет", data.EmployeeOnLeave}, {"больничн", data.EmployeeOnLeave},
	{"на больничном", data.EmployeeOnLeave}, {"в декрете", data.EmployeeOnLeave}, {"отсутств", data.EmployeeOnLeave},
	{"on leave", data.EmployeeOnLeave}, {"leave", data.EmployeeOnLeave}, {"on_leave", data.EmployeeOnLeave}, {"parental leave", data.EmployeeOnLeave},
	{"sick leave", data.EmployeeOnLeave}, {"vacation", data.EmployeeOnLeave}, {"maternity", data.EmployeeOnLeave},
	{"уволен", data.EmployeeLeft}, {"уволил", data.EmployeeLeft}, {"увольн", data.EmployeeLeft}, {"не работает", data.EmployeeLeft},
	{"неактивн", data.EmployeeLeft}, {"выбыл", data.EmployeeLeft}, {"terminated", data.EmployeeLeft}, {"left", data.EmployeeLeft},
	{"inactive", data.EmployeeLeft}, {"former", data.EmployeeLeft}, {"dismissed", data.EmployeeLeft}, {"resigned", data.EmployeeLeft},
	{"quit", data.EmployeeLeft}, {"offboarded", data.EmployeeLeft},
}

// parseEmployeeStatus reads an employee status; ok=false when unknown.
func parseEmployeeStatus(s string) (data.EmployeeStatus, bool) {
	w := teamWords(s)
	if st := data.EmployeeStatus(strings.ReplaceAll(w, " ", "_")); st.Valid() {
		return st, true
	}
	// The longest matching prefix wins.
	best, bestLen := data.EmployeeStatus(""), 0
	for _, p := range employeeStatusWords {
		if strings.HasPrefix(w, p.prefix) && len(p.prefix) > bestLen {
			best, bestLen = p.status, len(p.prefix)
		}
	}
	return best, bestLen > 0
}

// trainingStatusWords are how plans and LMS reports write an item's
// status. Failed attempts are finished items (their result says how).
var trainingStatusWords = []struct {
	prefix string
	status data.TrainingStatus
}{
	{"запланирован", data.TrainingPlanned}, {"план", data.TrainingPlanned}, {"назначен", data.TrainingPlanned}, {"не начат", data.TrainingPlanned},
	{"ожида", data.TrainingPlanned}, {"новый", data.TrainingPlanned},
	{"planned", data.TrainingPlanned}, {"not started", data.TrainingPlanned}, {"assigned", data.TrainingPlanned}, {"scheduled", data.TrainingPlanned},
	{"enrolled", data.TrainingPlanned}, {"to do", data.TrainingPlanned}, {"todo", data.TrainingPlanned}, {"registered", data.TrainingPlanned},
	{"в процессе", data.TrainingInProgress}, {"в работе", data.TrainingInProgress}, {"идет", data.TrainingInProgress}, {"проходит", data.TrainingInProgress},
	{"начат", data.TrainingInProgress}, {"обучается", data.TrainingInProgress}, {"в ходе", data.TrainingInProgress},
	{"in progress", data.TrainingInProgress}, {"in_progress", data.TrainingInProgress}, {"started", data.TrainingInProgress},
	{"ongoing", data.TrainingInProgress}, {"attempted", data.TrainingInProgress}, {"incomplete", data.TrainingInProgress},
	{"завершен", data.TrainingDone}, {"выполнен", data.TrainingDone}, {"пройден", data.TrainingDone}, {"окончен", data.TrainingDone},
	{"закончен", data.TrainingDone}, {"сдан", data.TrainingDone}, {"не сдан", data.TrainingDone}, {"готово", data.TrainingDone},
	{"done", data.TrainingDone}, {"completed", data.TrainingDone}, {"complete", data.TrainingDone}, {"passed", data.TrainingDone},
	{"failed", data.TrainingDone}, {"finished", data.TrainingDone},
	{"отмен", data.TrainingCancelled}, {"снят", data.TrainingCancelled}, {"отказ", data.TrainingCancelled},
	{"cancelled", data.TrainingCancelled}, {"canceled", data.TrainingCancelled}, {"withdrawn", data.TrainingCancelled},
	{"dropped", data.TrainingCancelled},
}

// parseTrainingStatus reads a plan item's status; ok=false when unknown.
// The longest matching prefix wins ("не начат" over "начат").
func parseTrainingStatus(s string) (data.TrainingStatus, bool) {
	w := teamWords(s)
	if st := data.TrainingStatus(strings.ReplaceAll(w, " ", "_")); st.Valid() {
		return st, true
	}
	best, bestLen := data.TrainingStatus(""), 0
	for _, p := range trainingStatusWords {
		if strings.HasPrefix(w, p.prefix) && len(p.prefix) > bestLen {
			best, bestLen = p.status, len(p.prefix)
		}
	}
	return best, bestLen > 0
}

// courseFormatWords are how catalogues name the ways a course is given.
var courseFormatWords = []struct {
	prefix string
	format data.CourseFormat
}{
	{"очн", data.FormatClassroom}, {"аудитор", data.FormatClassroom}, {"класс", data.FormatClassroom}, {"тренинг", data.FormatClassroom},
	{"семинар", data.FormatClassroom}, {"мастер класс", data.FormatClassroom}, {"воркшоп", data.FormatClassroom},
	{"classroom", data.FormatClassroom}, {"in person", data.FormatClassroom}, {"face to face", data.FormatClassroom}, {"ilt", data.FormatClassroom},
	{"instructor led", data.FormatClassroom}, {"workshop", data.FormatClassroom}, {"seminar", data.FormatClassroom}, {"offline", data.FormatClassroom},
	{"онлайн", data.FormatOnline}, {"дистанц", data.FormatOnline}, {"вебинар", data.FormatOnline}, {"электрон", data.FormatOnline},
	{"e learning", data.FormatOnline}, {"elearning", data.FormatOnline}, {"online", data.FormatOnline}, {"webinar", data.FormatOnline},
	{"self paced", data.FormatOnline}, {"virtual", data.FormatOnline}, {"vilt", data.FormatOnline}, {"scorm", data.FormatOnline},
	{"наставн", data.FormatMentoring}, {"менторств", data.FormatMentoring}, {"коучинг", data.FormatMentoring}, {"mentor", data.FormatMentoring},
	{"coaching", data.FormatMentoring},
	{"стажировк", data.FormatShadowing}, {"наблюдени", data.FormatShadowing}, {"сопровожд", data.FormatShadowing}, {"дублиров", data.FormatShadowing},
	{"shadow", data.FormatShadowing}, {"job shadow", data.FormatShadowing}, {"on the job", data.FormatShadowing},
}

// parseCourseFormat reads a course format; ok=false when unknown.
func parseCourseFormat(s string) (data.CourseFormat, bool) {
	w := teamWords(s)
	if f := data.CourseFormat(w); f.Valid() {
		return f, true
	}
	best, bestLen := data.CourseFormat(""), 0
	for _, p := range courseFormatWords {
		if strings.HasPrefix(w, p.prefix) && len(p.prefix) > bestLen {
			best, bestLen = p.format, len(p.prefix)
		}
	}
	return best, bestLen > 0
}

// workdayHours is a training day, for durations written in days.
const workdayHours = 8

// parseHours reads a course's length in hours: "16", "1,5", "2 ч",
// "90 мин", "1:30", "3 дня" (a training day being 8 hours). A bare number
// counts minutes or days when the header says so. ok=false when s is no
// length or a negative one.
func parseHours(s string, unit durationScale) (float64, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(w, "д") || strings.Contains(w, "day") {
		// Days of training, not of the clock.
		n := strings.IndexFunc(w, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == ' ') })
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(w[:max(n, 0)]), ",", "."), 64)
		if n <= 0 || err != nil || f < 0 {
			return 0, false
		}
		return f * workdayHours, true
	}
	if unit == unitDays {
		f, err := strconv.ParseFloat(strings.Replace(w, ",", ".", 1), 64)
		if err != nil || f < 0 || math.IsNaN(f) {
			return 0, false
		}
		return f * workdayHours, true
	}
	d, ok := parseDuration(strings.NewReplacer("ак.", "", "ак ", "", "academic", "").Replace(w), unit)
	if !ok {
		return 0, false
	}
	return math.Round(d.Hours()*100) / 100, true
}

// freeWords mean a course costs nothing.
var freeWords = map[string]bool{"бесплатно": true, "бесплатный": true, "free": true, "no cost": true, "0": true}

// parseCost reads a price in the file's language ("12 500 ₽", "1,234.50",
// "$99", "бесплатно") into minor units.
func parseCost(language, s string) (int64, bool) {
	if freeWords[teamWords(s)] {
		return 0, true
	}
	// Currency signs and words ("руб.", "RUB", "$") around the number.
	t := strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) || unicode.IsSpace(r) || r == '.'
	})
	if t == "" {
		return 0, false
	}
	for _, r := range t {
		if unicode.IsLetter(r) || r == '-' || r == '−' {
			return 0, false
		}
	}
	return data.ParseMoney(language, t)
}

// splitSkills reads a list of skills: "Эмпатия, Возвраты; CRM".
func splitSkills(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' || r == '•' })
	out := make([]string, 0, len(parts))
	seen := map[string]bool{}
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if k := nameKey(p); p != "" && !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// nameKey is how names and titles are matched: case, ё/е and extra
// spaces do not tell two people or courses apart.
func nameKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(s, "ё", "е"), "Ё", "Е"))), " ")
}

// fileLanguage is the language numbers are written in: Russian when the
// headers are.
func fileLanguage(cols []column) string {
	for _, c := range cols {
		for _, r := range c.name {
			if unicode.Is(unicode.Cyrillic, r) {
				return "ru"
			}
		}
	}
	return "en"
}
