package importer

import "maps"

// TeamKind is what a team import file holds.
type TeamKind string

// The kinds of team import files.
const (
	TeamEmployees    TeamKind = "employees"
	TeamCourses      TeamKind = "courses"
	TeamTrainingPlan TeamKind = "training-plan"
)

// TeamKinds lists the kinds in the order they are best imported: a plan
// names employees and courses that must exist first.
var TeamKinds = []TeamKind{TeamEmployees, TeamCourses, TeamTrainingPlan}

// The fields of employees, courses and training plan items a column can
// map to. Status is shared with tickets (an employee's or an item's).
const (
	FieldName         Field = "name"
	FieldPosition     Field = "position"
	FieldTeam         Field = "team"
	FieldHired        Field = "hired"
	FieldContact      Field = "contact"
	FieldNotes        Field = "notes"
	FieldTitle        Field = "title"
	FieldSkills       Field = "skills"
	FieldFormat       Field = "format"
	FieldHours        Field = "hours"
	FieldProvider     Field = "provider"
	FieldCost         Field = "cost"
	FieldEmployee     Field = "employee"
	FieldCourse       Field = "course"
	FieldPlannedStart Field = "planned_start"
	FieldPlannedEnd   Field = "planned_end"
	FieldStarted      Field = "started"
	FieldCompleted    Field = "completed"
	FieldResult       Field = "result"
	FieldCertificate  Field = "certificate"
)

// EmployeeFields, CourseFields and TrainingPlanFields list the fields of
// each kind in display order.
var (
	EmployeeFields = []Field{FieldName, FieldPosition, FieldTeam, FieldHired, FieldStatus, FieldContact, FieldNotes}
	CourseFields   = []Field{FieldTitle, FieldSkills, FieldFormat, FieldHours, FieldProvider, FieldCost}
	// A plan may also describe the employees and courses it names, as
	// LMS exports do: those the store does not know are created.
	TrainingPlanFields = []Field{FieldEmployee, FieldCourse, FieldPlannedStart, FieldPlannedEnd, FieldStatus, FieldStarted,
		FieldCompleted, FieldResult, FieldCertificate, FieldPosition, FieldTeam, FieldFormat, FieldHours, FieldProvider, FieldCost, FieldSkills}
)

// Fields returns the fields of the kind.
func (k TeamKind) Fields() []Field { return teamSchema(k).fields }

// Valid reports whether k is a known kind.
func (k TeamKind) Valid() bool {
	return k == TeamEmployees || k == TeamCourses || k == TeamTrainingPlan
}

// fieldUndated stands for the row date of a file that has none (a course
// catalogue): no column maps to it, so date detection and the total-row
// check find no date column.
const fieldUndated Field = ""

// employeeAliases are the headers of staff lists kept by hand and exported
// from HR systems (1C:ЗУП, BambooHR, Workday, Personio), normalised.
var employeeAliases = map[Field][]string{
	FieldName: {"фио", "ф.и.о", "ф.и.о.", "фио сотрудника", "сотрудник", "работник", "имя", "имя сотрудника", "специалист", "оператор", "агент",
		"name", "full name", "fullname", "employee", "employee name", "display name", "agent", "agent name", "staff", "person"},
	FieldPosition: {"должность", "позиция", "роль", "штатная должность", "position", "job title", "title", "role", "job", "job position"},
	FieldTeam: {"команда", "отдел", "группа", "подразделение", "смена", "team", "department", "group", "division", "unit",
		"team name", "department name"},
	FieldHired: {"дата приёма", "дата приема", "дата приёма на работу", "дата приема на работу", "принят", "принята", "дата найма",
		"дата трудоустройства", "дата выхода", "hire date", "hired", "hired on", "date hired", "date of hire", "start date",
		"employment date", "employment start", "original hire date", "since", "employed since", "работает с", "в компании с"},
	FieldStatus:  {"статус", "состояние", "статус сотрудника", "status", "employment status", "employee status", "state"},
	FieldContact: {"контакт", "контакты", "email", "e-mail", "почта", "эл. почта", "электронная почта", "телефон", "рабочий телефон", "мобильный", "contact", "work email", "phone", "mobile", "work phone"},
	FieldNotes:   {"заметки", "заметка", "примечание", "примечания", "комментарий", "комментарии", "notes", "note", "comment", "comments"},
}

var employeeContains = map[Field][]string{
	FieldHired:   {"приём", "прием", "hire"},
	FieldContact: {"mail", "почт", "телефон", "phone"},
}

// courseAliases are the headers of course catalogues (LMS exports:
// iSpring, Moodle, Docebo; hand-made lists).
var courseAliases = map[Field][]string{
	FieldTitle: {"курс", "название", "название курса", "наименование", "наименование курса", "программа", "тренинг", "обучение",
		"course", "title", "course title", "course name", "name", "training", "training name", "program", "programme"},
	FieldSkills: {"навыки", "навык", "компетенции", "компетенция", "развиваемые навыки", "skills", "skill", "competencies",
		"competences", "skills developed", "tags"},
	FieldFormat: {"формат", "форма обучения", "формат обучения", "тип", "тип обучения", "вид обучения", "вид", "format", "delivery",
		"delivery method", "delivery type", "type", "course type", "modality"},
	FieldHours: {"часы", "часов", "длительность", "продолжительность", "объём", "объем", "объём, ч", "объем, ч", "ак. часов", "hours", "duration",
		"length", "duration (hours)", "duration, h", "hours per participant"},
	FieldProvider: {"провайдер", "организатор", "поставщик", "учебный центр", "провайдер обучения", "тренер", "преподаватель",
		"provider", "vendor", "organizer", "organiser", "supplier", "trainer", "instructor"},
	FieldCost: {"стоимость", "цена", "стоимость на человека", "стоимость за человека", "стоимость, руб", "стоимость, руб.", "cost", "price",
		"fee", "cost per person", "cost per participant", "price per person"},
}

var courseContains = map[Field][]string{
	FieldHours: {"час", "hour", "длительн", "duration"},
	FieldCost:  {"стоимост", "цена", "cost", "price"},
}

// planAliases are the headers of training plans and LMS assignment
// reports.
var planAliases = map[Field][]string{
	FieldEmployee: {"сотрудник", "фио", "ф.и.о", "ф.и.о.", "фио сотрудника", "работник", "слушатель", "участник", "обучающийся", "пользователь",
		"employee", "name", "full name", "employee name", "learner", "participant", "user", "trainee", "agent"},
	FieldCourse: {"курс", "название курса", "название", "обучение", "программа", "тренинг", "мероприятие", "course", "course title",
		"course name", "training", "title", "program", "programme", "learning item", "module"},
	FieldPlannedStart: {"начало", "план начало", "план. начало", "плановое начало", "плановая дата начала", "дата начала", "начало обучения",
		"planned start", "planned start date", "start", "start date", "scheduled start", "assigned", "assignment date"},
	FieldPlannedEnd: {"окончание", "план окончание", "план. окончание", "плановое окончание", "плановая дата окончания", "дата окончания",
		"окончание обучения", "срок", "срок выполнения", "крайний срок", "due", "due date", "planned end", "planned end date", "end",
		"end date", "deadline", "scheduled end"},
	FieldStarted: {"фактическое начало", "факт начало", "факт. начало", "начато", "дата фактического начала", "actual start",
		"started", "started on", "started at"},
	FieldStatus: {"статус", "состояние", "статус обучения", "status", "state", "completion status", "progress status"},
	FieldCompleted: {"дата завершения", "завершено", "завершён", "факт окончание", "факт. окончание", "фактическое окончание",
		"дата прохождения", "пройдено", "completed", "completion date", "completed on", "completed at", "date completed", "actual end",
		"finished", "finished on"},
	FieldResult:      {"результат", "оценка", "балл", "баллы", "итог", "result", "score", "grade", "outcome", "mark"},
	FieldCertificate: {"сертификат", "удостоверение", "документ", "certificate", "certificate file", "certification", "certificate url"},
}

// planDetails are the employee and course columns a plan may carry:
// the catalogue's headers, without the loose ones that name something
// else in a plan ("title" is the course, "type" and "name" too vague).
func planDetails() map[Field][]string {
	out := map[Field][]string{}
	drop := map[string]bool{"title": true, "name": true, "type": true, "тип": true, "вид": true, "tags": true, "group": true, "unit": true}
	for f, names := range map[Field][]string{FieldPosition: employeeAliases[FieldPosition], FieldTeam: employeeAliases[FieldTeam],
		FieldFormat: courseAliases[FieldFormat], FieldHours: courseAliases[FieldHours], FieldProvider: courseAliases[FieldProvider],
		FieldCost: courseAliases[FieldCost], FieldSkills: courseAliases[FieldSkills]} {
		for _, n := range names {
			if !drop[n] {
				out[f] = append(out[f], n)
			}
		}
	}
	return out
}

// withDetails adds the detail columns to a plan's own aliases.
func withDetails(own map[Field][]string) map[Field][]string {
	out := maps.Clone(own)
	maps.Copy(out, planDetails())
	return out
}

var planContains = map[Field][]string{
	FieldCompleted:   {"заверш", "complet"},
	FieldCertificate: {"сертификат", "certificat"},
}

var employeeSchema = &schema{
	kind:     "employees",
	fields:   EmployeeFields,
	order:    []Field{FieldHired, FieldStatus, FieldPosition, FieldTeam, FieldName, FieldContact, FieldNotes},
	aliases:  employeeAliases,
	contains: employeeContains,
	dates:    []Field{FieldHired},
	detect:   detectGeneric,
}

var courseSchema = &schema{
	kind:     "courses",
	fields:   CourseFields,
	order:    []Field{FieldSkills, FieldFormat, FieldHours, FieldProvider, FieldCost, FieldTitle},
	aliases:  courseAliases,
	contains: courseContains,
	dates:    []Field{fieldUndated},
	detect:   detectGeneric,
}

// planSchema picks the dates before the names: "дата начала" must not be
// taken for anything else, and the actual dates before the planned ones.
var planSchema = &schema{
	kind:   "training-plan",
	fields: TrainingPlanFields,
	order: []Field{FieldCompleted, FieldStarted, FieldPlannedStart, FieldPlannedEnd, FieldStatus, FieldResult, FieldCertificate,
		FieldEmployee, FieldCourse, FieldPosition, FieldTeam, FieldFormat, FieldHours, FieldProvider, FieldCost, FieldSkills},
	aliases:  withDetails(planAliases),
	contains: planContains,
	dates:    []Field{FieldPlannedStart, FieldPlannedEnd, FieldStarted, FieldCompleted},
	detect:   detectGeneric,
}

func detectGeneric([]column, int) string { return FormatGeneric }

func teamSchema(k TeamKind) *schema {
	switch k {
	case TeamCourses:
		return courseSchema
	case TeamTrainingPlan:
		return planSchema
	}
	return employeeSchema
}
