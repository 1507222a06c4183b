package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"caredesk/data"
)

// teamReason is why a team import row was rejected: a translation key of
// assets/translations/teamimport.*.json and its English text.
type teamReason struct {
	code, text string
	args       []string // template arguments, in the order of the text's verbs
}

var (
	reasonEmployeeStatus = teamReason{code: "teamimport.reject.employee_status",
		text: "unknown employee status: active, on leave or left is expected"}
	reasonTrainingStatus = teamReason{code: "teamimport.reject.training_status",
		text: "unknown training status: planned, in progress, done or cancelled is expected"}
	reasonCourseFormat = teamReason{code: "teamimport.reject.course_format",
		text: "unknown course format: classroom, online, mentoring or shadowing is expected"}
	reasonFormatMissing = teamReason{code: "teamimport.reject.format_missing", text: "the course format is missing"}
	reasonHours         = teamReason{code: "teamimport.reject.hours", text: "not a number of hours"}
	reasonCost          = teamReason{code: "teamimport.reject.cost", text: "not an amount of money"}
	reasonNameMissing   = teamReason{code: "teamimport.reject.name_missing", text: "the name is missing"}
	reasonTitleMissing  = teamReason{code: "teamimport.reject.title_missing", text: "the course title is missing"}
	reasonPlanMissing   = teamReason{code: "teamimport.reject.plan_dates_missing", text: "the planned start and end are missing"}
	reasonEndBefore     = teamReason{code: "teamimport.reject.end_before_start", text: "the planned end is before the planned start"}
	reasonDoneNoDate    = teamReason{code: "teamimport.reject.done_without_date", text: "a finished training needs its completion date"}
	reasonDateNotDone   = teamReason{code: "teamimport.reject.completed_not_done",
		text: "a completion date is given, but the status says the training is not finished"}
	reasonCompletedBefore = teamReason{code: "teamimport.reject.completed_before_start",
		text: "the training is completed before it started"}
	reasonUnknownEmployee = teamReason{code: "teamimport.reject.unknown_employee",
		text: "no such employee: import the employees first or correct the name"}
	reasonUnknownCourse = teamReason{code: "teamimport.reject.unknown_course",
		text: "no such course: import the course catalogue first or correct the title"}
	reasonDuplicateRow = teamReason{code: "teamimport.reject.duplicate", text: "already given in row %d", args: []string{"Row"}}
	reasonTooLongText  = teamReason{code: "teamimport.reject.too_long", text: "longer than %d characters", args: []string{"Max"}}
)

func (r teamReason) msg(args ...any) Message {
	m := Message{Code: r.code, Text: r.text}
	if len(r.args) > 0 {
		m.Args = make(map[string]any, len(r.args))
		for i, n := range r.args {
			m.Args[n] = args[i]
		}
		m.Text = fmt.Sprintf(r.text, args...)
	}
	return m
}

// teamBuilder turns the rows of one team file into a data.TeamImport.
type teamBuilder struct {
	rowBase
	kind  TeamKind
	lang  string // of numbers in the file
	hours durationScale
	// first row of each name, title or (employee, course, start) seen
	seen map[string]int
	// the employees and courses a plan item may name, by name key
	employees *nameIndex
	courses   map[string]string // name key -> stored title
	out       data.TeamImport
}

// TeamNames are the employees and courses a training plan may name
// besides those of the file itself: the store's.
type TeamNames struct {
	Employees []string
	Courses   []string
}

func newTeamBuilder(p *plan, opt Options, kind TeamKind, known TeamNames) *teamBuilder {
	b := &teamBuilder{rowBase: newRowBase(p, opt), kind: kind, lang: fileLanguage(p.cols), hours: unitHours,
		seen: map[string]int{}, employees: newNameIndex(known.Employees), courses: map[string]string{}}
	for _, n := range known.Courses {
		b.courses[nameKey(n)] = n
	}
	if i, ok := p.mapping[FieldHours]; ok {
		b.hours = durationUnit(p.cols[i].name)
	}
	b.out.FileName = p.base
	return b
}

func (b *teamBuilder) rejectTeam(rec []string, row int, f Field, why teamReason, args ...any) {
	b.reject(rec, row, f, why.msg(args...))
}

// day reads a mapped date cell as a day in the file's zone; ok=false when
// the row was rejected.
func (b *teamBuilder) day(rec []string, f Field, row int) (data.Day, bool) {
	t, present, ok := b.date(rec, f, row)
	if !ok || !present {
		return 0, ok
	}
	if t.Year() < 1990 || t.Year() > 2100 {
		b.reject(rec, row, f, reasonDateRange.msg())
		return 0, false
	}
	return data.DayOf(t, t.Location()), true
}

// short reads a text cell of at most max characters; ok=false when the
// row was rejected for a longer one. Names and titles, which rows are
// matched by, get single spaces.
func (b *teamBuilder) short(rec []string, row int, f Field, max int) (string, bool) {
	v := b.text(rec, f)
	switch f {
	case FieldName, FieldTitle, FieldEmployee, FieldCourse:
		v = strings.Join(strings.Fields(v), " ")
	}
	if utf8.RuneCountInString(v) > max {
		b.rejectTeam(rec, row, f, reasonTooLongText, max)
		return "", false
	}
	return v, true
}

// firstRow records key as seen on row; ok=false (and a reject) when an
// earlier row of the file gave it already.
func (b *teamBuilder) firstRow(rec []string, row int, f Field, key string) bool {
	if first, dup := b.seen[key]; dup {
		b.rejectTeam(rec, row, f, reasonDuplicateRow, first)
		return false
	}
	b.seen[key] = row
	return true
}

// build reads one record into b.out; ok=false when it was rejected.
func (b *teamBuilder) build(rec []string, row int) bool {
	if !b.usable(rec, row) {
		return false
	}
	switch b.kind {
	case TeamCourses:
		return b.course(rec, row)
	case TeamTrainingPlan:
		return b.item(rec, row)
	}
	return b.employee(rec, row)
}

// maxNotes bounds the long texts: notes and results.
const maxNotes = data.MaxCommentLen

func (b *teamBuilder) employee(rec []string, row int) bool {
	e := data.Employee{Active: true}
	var ok bool
	if e.Name, ok = b.short(rec, row, FieldName, data.MaxShortText); !ok {
		return false
	}
	if e.Name == "" {
		b.rejectTeam(rec, row, FieldName, reasonNameMissing)
		return false
	}
	for _, f := range []struct {
		field Field
		dst   *string
	}{{FieldPosition, &e.Position}, {FieldTeam, &e.Team}, {FieldContact, &e.Contact}} {
		if *f.dst, ok = b.short(rec, row, f.field, data.MaxShortText); !ok {
			return false
		}
	}
	if e.Notes, ok = b.short(rec, row, FieldNotes, maxNotes); !ok {
		return false
	}
	if e.HiredOn, ok = b.day(rec, FieldHired, row); !ok {
		return false
	}
	if v := b.text(rec, FieldStatus); v != "" {
		st, known := parseEmployeeStatus(v)
		if !known {
			b.rejectTeam(rec, row, FieldStatus, reasonEmployeeStatus)
			return false
		}
		e.Status, e.Active = st, st != data.EmployeeLeft
	}
	// No status leaves Status empty: the store then keeps an existing
	// employee's status instead of calling everyone active.
	if err := e.Validate(); err != nil {
		b.rejectTeamInvalid(rec, row, err, map[string]Field{"name": FieldName, "status": FieldStatus})
		return false
	}
	if !b.firstRow(rec, row, FieldName, "e\x00"+nameKey(e.Name)) {
		return false
	}
	b.out.Employees = append(b.out.Employees, e)
	return true
}

func (b *teamBuilder) course(rec []string, row int) bool {
	c, ok := b.parseCourse(rec, row, FieldTitle)
	if !ok || !b.firstRow(rec, row, FieldTitle, "c\x00"+nameKey(c.Title)) {
		return false
	}
	b.out.Courses = append(b.out.Courses, c)
	return true
}

// parseCourse reads a course whose title is in the column of field
// title; ok=false when the row was rejected.
func (b *teamBuilder) parseCourse(rec []string, row int, title Field) (c data.CourseImport, ok bool) {
	if c.Title, ok = b.short(rec, row, title, data.MaxShortText); !ok {
		return c, false
	}
	if c.Title == "" {
		b.rejectTeam(rec, row, title, reasonTitleMissing)
		return c, false
	}
	if c.Provider, ok = b.short(rec, row, FieldProvider, data.MaxShortText); !ok {
		return c, false
	}
	v := b.text(rec, FieldFormat)
	if v == "" {
		b.rejectTeam(rec, row, FieldFormat, reasonFormatMissing)
		return c, false
	}
	if c.Format, ok = parseCourseFormat(v); !ok {
		b.rejectTeam(rec, row, FieldFormat, reasonCourseFormat)
		return c, false
	}
	if v := b.text(rec, FieldHours); v != "" {
		if c.Hours, ok = parseHours(v, b.hours); !ok {
			b.rejectTeam(rec, row, FieldHours, reasonHours)
			return c, false
		}
	}
	if v := b.text(rec, FieldCost); v != "" {
		if c.Cost, ok = parseCost(b.lang, v); !ok {
			b.rejectTeam(rec, row, FieldCost, reasonCost)
			return c, false
		}
	}
	c.Skills = splitSkills(b.text(rec, FieldSkills))
	for _, s := range c.Skills {
		if utf8.RuneCountInString(s) > data.MaxShortText {
			b.rejectTeam(rec, row, FieldSkills, reasonTooLongText, data.MaxShortText)
			return c, false
		}
	}
	if err := c.Validate(); err != nil {
		b.rejectTeamInvalid(rec, row, err, map[string]Field{"title": title, "format": FieldFormat, "hours": FieldHours, "cost": FieldCost})
		return c, false
	}
	return c, true
}

func (b *teamBuilder) item(rec []string, row int) bool {
	it := data.TrainingItemImport{Row: row}
	var ok bool
	if it.Employee, ok = b.short(rec, row, FieldEmployee, data.MaxShortText); !ok {
		return false
	}
	if it.Employee == "" {
		b.rejectTeam(rec, row, FieldEmployee, reasonNameMissing)
		return false
	}
	if it.Course, ok = b.short(rec, row, FieldCourse, data.MaxShortText); !ok {
		return false
	}
	if it.Course == "" {
		b.rejectTeam(rec, row, FieldCourse, reasonTitleMissing)
		return false
	}
	for _, d := range []struct {
		field Field
		dst   *data.Day
	}{{FieldPlannedStart, &it.PlannedStart}, {FieldPlannedEnd, &it.PlannedEnd}, {FieldStarted, &it.StartedOn}, {FieldCompleted, &it.CompletedOn}} {
		if *d.dst, ok = b.day(rec, d.field, row); !ok {
			return false
		}
	}
	// A plan that gives only a deadline (or only a start) is a one-day
	// item on that date; with neither there is nothing to place.
	switch {
	case it.PlannedStart == 0 && it.PlannedEnd == 0:
		b.rejectTeam(rec, row, FieldPlannedStart, reasonPlanMissing)
		return false
	case it.PlannedStart == 0:
		it.PlannedStart = it.PlannedEnd
	case it.PlannedEnd == 0:
		it.PlannedEnd = it.PlannedStart
	}
	if it.PlannedEnd < it.PlannedStart {
		b.rejectTeam(rec, row, FieldPlannedEnd, reasonEndBefore)
		return false
	}
	if v := b.text(rec, FieldStatus); v != "" {
		if it.Status, ok = parseTrainingStatus(v); !ok {
			b.rejectTeam(rec, row, FieldStatus, reasonTrainingStatus)
			return false
		}
	} else {
		// No status: a completion date says it is done.
		it.Status = data.TrainingPlanned
		if it.CompletedOn != 0 {
			it.Status = data.TrainingDone
		}
	}
	switch {
	case it.Status == data.TrainingDone && it.CompletedOn == 0:
		b.rejectTeam(rec, row, FieldCompleted, reasonDoneNoDate)
		return false
	case it.Status != data.TrainingDone && it.CompletedOn != 0:
		b.rejectTeam(rec, row, FieldCompleted, reasonDateNotDone)
		return false
	case it.CompletedOn != 0 && it.StartedOn != 0 && it.CompletedOn < it.StartedOn:
		b.rejectTeam(rec, row, FieldCompleted, reasonCompletedBefore)
		return false
	}
	if it.Result, ok = b.short(rec, row, FieldResult, maxNotes); !ok {
		return false
	}
	if it.Certificate, ok = b.short(rec, row, FieldCertificate, maxNotes); !ok {
		return false
	}
	if !b.define(rec, row, it) || !b.names(rec, row, &it) {
		return false
	}
	// Validate wants the ids the store assigns; the names stand for them.
	check := it.TrainingItem
	check.EmployeeID, check.CourseID = 1, 1
	if err := check.Validate(); err != nil {
		b.rejectTeamInvalid(rec, row, err, map[string]Field{"planned": FieldPlannedEnd, "status": FieldStatus, "completed": FieldCompleted})
		return false
	}
	key := "i\x00" + nameKey(it.Employee) + "\x00" + nameKey(it.Course) + "\x00" + strconv.Itoa(int(it.PlannedStart))
	if !b.firstRow(rec, row, FieldCourse, key) {
		return false
	}
	b.out.Items = append(b.out.Items, it)
	return true
}

// define adds the employee and the course of a plan row that the store
// does not know to the import when the file describes them: a position or
// team column for employees (LMS exports list the learner's department),
// a format column for courses. ok=false when the row was rejected.
func (b *teamBuilder) define(rec []string, row int, it data.TrainingItemImport) bool {
	if _, known := b.employees.find(it.Employee); !known {
		e := data.Employee{Name: it.Employee, Active: true}
		var ok bool
		if e.Position, ok = b.short(rec, row, FieldPosition, data.MaxShortText); !ok {
			return false
		}
		if e.Team, ok = b.short(rec, row, FieldTeam, data.MaxShortText); !ok {
			return false
		}
		if e.Position != "" || e.Team != "" {
			b.out.Employees = append(b.out.Employees, e)
			b.employees.add(e.Name)
		}
	}
	if _, known := b.courses[nameKey(it.Course)]; !known && b.text(rec, FieldFormat) != "" {
		c, ok := b.parseCourse(rec, row, FieldCourse)
		if !ok {
			return false
		}
		b.out.Courses = append(b.out.Courses, c)
		b.courses[nameKey(c.Title)] = c.Title
	}
	return true
}

// names checks that an item's employee and course exist in the store,
// spelling both as the store does; ok=false when the row was rejected.
func (b *teamBuilder) names(rec []string, row int, it *data.TrainingItemImport) bool {
	name, ok := b.employees.find(it.Employee)
	if !ok {
		b.rejectTeam(rec, row, FieldEmployee, reasonUnknownEmployee)
		return false
	}
	it.Employee = name
	title, ok := b.courses[nameKey(it.Course)]
	if !ok {
		b.rejectTeam(rec, row, FieldCourse, reasonUnknownCourse)
		return false
	}
	it.Course = title
	return true
}

// rejectTeamInvalid reports a data validation error in the column of the
// field it names, translated by its own key.
func (b *teamBuilder) rejectTeamInvalid(rec []string, row int, err error, fields map[string]Field) {
	if ve, ok := err.(data.ValidationErrors); ok && len(ve) > 0 {
		b.reject(rec, row, fields[ve[0].Field], Message{Code: ve[0].Key, Text: ve[0].Message})
		return
	}
	b.rejected(row, "", "", reasonInvalid.msg(err.Error()))
}

// nameIndex finds people by the name the store knows them by, however an
// HR export writes it: "Смирнова Анна" and "Смирнова Анна Сергеевна" find
// "Анна Смирнова" unless another employee could be meant.
type nameIndex struct {
	exact map[string]string // name key -> stored name
	words map[string]string // sorted words -> stored name, "" when several
}

func newNameIndex(names []string) *nameIndex {
	ix := &nameIndex{exact: map[string]string{}, words: map[string]string{}}
	for _, n := range names {
		ix.add(n)
	}
	return ix
}

func (ix *nameIndex) add(n string) {
	ix.exact[nameKey(n)] = n
	w := wordsKey(strings.Fields(nameKey(n)))
	if _, dup := ix.words[w]; dup {
		ix.words[w] = ""
	} else {
		ix.words[w] = n
	}
}

func (ix *nameIndex) find(name string) (string, bool) {
	key := nameKey(name)
	if n, ok := ix.exact[key]; ok {
		return n, true
	}
	words := strings.Fields(key)
	if n := ix.words[wordsKey(words)]; n != "" {
		return n, true
	}
	if len(words) == 3 {
		// Surname, first name, patronymic: the patronymic is the one
		// part a roster often leaves out.
		if n := ix.words[wordsKey(words[:2])]; n != "" {
			return n, true
		}
	}
	return "", false
}

// wordsKey ignores the order of a name's words.
func wordsKey(words []string) string {
	w := slices.Clone(words)
	slices.Sort(w)
	return strings.Join(w, " ")
}
