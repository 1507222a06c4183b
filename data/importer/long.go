package importer

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
)

// A survey export in long format has one row per answer: the response's
// id, the question, the answer, and the response's own fields (its date,
// channel) repeated on each of its rows. GitLab's analytics, for one,
// unpivot their Qualtrics NPS answers so (response_id, question_id,
// question_description, question_response, distribution_channel,
// response_recorded_at); BI tools, Google Sheets and survey APIs
// flattened to CSV give the same shape. Read as it is, the answer column
// took the score and every answer to any question became a response. The
// rows of each response are joined into one, each question becoming a
// column, and the file is read as a wide export is.

// longQuestionHeaders name the column holding the question's text, best
// first; longQuestionIDs the one holding its code, used when no text is
// given.
var (
	longQuestionHeaders = []string{"question", "question text", "question description", "question title", "question label",
		"вопрос", "текст вопроса", "формулировка вопроса"}
	longQuestionIDs = []string{"question id", "questionid", "question code", "qid", "id вопроса", "код вопроса"}
	// longAnswerHeaders name the column holding the answer.
	longAnswerHeaders = []string{"answer", "answer text", "answer value", "question response", "user response", "response", "response value", "value",
		"ответ", "текст ответа", "значение", "значение ответа", "ответ респондента"}
)

// maxLongQuestions is the most distinct questions a long file may ask:
// more are no survey's questions and would make as many columns.
const maxLongQuestions = 500

// longLayout is where a long file keeps a response's id (-1: nowhere),
// the question and the answer.
type longLayout struct {
	id, question, answer int
	qid                  int // the question's code beside its text, -1 if none
}

// longHeader returns the first column whose header, read with "_" as a
// space, is one of names (in their order), -1 when none.
func longHeader(cols []column, names []string, skip ...int) int {
	for _, n := range names {
		for i, c := range cols {
			if !slices.Contains(skip, i) && spaced(c.norm) == n {
				return i
			}
		}
	}
	return -1
}

// detectLong recognises a long file from its header and its sample: a
// question column, an answer column, and either an id that comes with
// several questions (a long survey's sample may hold one response whole)
// or, with no such id, the same few questions over and over.
func detectLong(cols []column, sample [][]string) (longLayout, bool) {
	l := longLayout{id: -1, qid: -1}
	l.question = longHeader(cols, longQuestionHeaders)
	if l.qid = longHeader(cols, longQuestionIDs); l.question < 0 {
		l.question, l.qid = l.qid, -1
	}
	if l.question < 0 {
		return l, false
	}
	if l.answer = longHeader(cols, longAnswerHeaders, l.question, l.qid); l.answer < 0 {
		return l, false
	}
	for _, a := range aliases[FieldExternalID] {
		if i := longHeader(cols, []string{a}, l.question, l.answer, l.qid); i >= 0 && varies(sample, i, l.question) {
			l.id = i
			return l, true
		}
	}
	questions := map[string]bool{}
	for _, r := range sample {
		questions[cellAt(r, l.question)] = true
	}
	return l, len(questions) >= 2 && len(questions)*2 <= len(sample)
}

// varies reports whether column col holds different values on rows of
// the sample that share a value of column key (empty cells aside): the
// id of a response comes with several questions, a question's code
// changes between the rows of one response.
func varies(sample [][]string, key, col int) bool {
	first := map[string]string{}
	for _, r := range sample {
		k, v := cellAt(r, key), cellAt(r, col)
		if k == "" || v == "" {
			continue
		}
		if w, seen := first[k]; !seen {
			first[k] = v
		} else if w != v {
			return true
		}
	}
	return false
}

func cellAt(r []string, i int) string {
	if i < len(r) {
		return strings.TrimSpace(r[i])
	}
	return ""
}

// longRow is one response joined from its rows, or a malformed row kept
// to be rejected in its place.
type longRow struct {
	rec []string
	row int // the response's first row
	err error
}

// longSource replays the joined responses after their header.
type longSource struct {
	header  []string
	rows    []longRow
	bytes   int64
	started bool
}

// reopen returns the source read again from its header.
func (s *longSource) reopen() *longSource {
	c := *s
	c.started = false
	return &c
}

func (s *longSource) next() ([]string, int, error) {
	if !s.started {
		s.started = true
		return s.header, 0, nil
	}
	if len(s.rows) == 0 {
		return nil, 0, io.EOF
	}
	r := s.rows[0]
	s.rows = s.rows[1:]
	return r.rec, r.row, r.err
}

func (s *longSource) bytesRead() int64 { return s.bytes }
func (s *longSource) close() error     { return nil }

// longAnswers refuses a long file whose answers cannot be joined into
// responses: no column holds the response's id, or the questions are too
// many to be a survey's.
func (p *plan) longAnswers(l longLayout) *MessageError {
	names := p.columnNames()
	q, a := names[l.question], names[l.answer]
	if l.id >= 0 {
		return &MessageError{Err: ErrLongAnswers, Message: warning(errLongQuestions, map[string]any{"Question": q, "Max": maxLongQuestions},
			"the file has one row per answer, but %q holds more than %d different questions: export one row per response, each question in its own column", q, maxLongQuestions)}
	}
	return &MessageError{Err: ErrLongAnswers, Message: warning(errLongAnswers, map[string]any{"Question": q, "Answer": a},
		"the file has one row per answer (questions in %q, answers in %q) and no column of response ids joins them: export one row per response, each question in its own column", q, a)}
}

// joinLong reads the whole long file and replaces the plan's columns and
// sample with the joined responses': the response's own columns (those
// that do not change between its rows in the sample), then one column
// per question in the order first asked. Its rows are read from memory
// from then on (see open).
func (p *plan) joinLong(l longLayout) error {
	if l.id < 0 {
		return p.longAnswers(l)
	}
	// The response's own columns; of those that change between its rows
	// (a question's type or code) only a date is kept, its first: an
	// unpivot that times each answer still dates the response.
	var own []int
	for i := range p.cols {
		if i != l.id && i != l.question && i != l.answer && i != l.qid && (!varies(p.sample, l.id, i) || dateValues(p.sample, i, p.xlsx)) {
			own = append(own, i)
		}
	}
	src, err := p.open()
	if err != nil {
		return err
	}
	defer src.close()
	head, err := skipHeader(src, p.skip, p.headerRows)
	if err != nil {
		return err
	}
	header := []string{cellAt(head[0], l.id)}
	for _, i := range own {
		header = append(header, cellAt(head[0], i))
	}
	base := len(header)
	questions := map[string]int{}
	responses := map[string]int{} // id -> index in rows
	var rows []longRow
	read := 0
	for {
		rec, row, err := src.next()
		if err == io.EOF {
			break
		}
		var re *rowError
		if errors.As(err, &re) {
			rows = append(rows, longRow{row: row, err: err})
			continue
		}
		if err != nil {
			return err
		}
		if isBlank(rec) {
			continue
		}
		read++
		q := cellAt(rec, l.question)
		qi, ok := questions[q]
		if !ok {
			if len(questions) == maxLongQuestions {
				return p.longAnswers(l)
			}
			qi = len(questions)
			questions[q] = qi
			header = append(header, q)
		}
		id := cellAt(rec, l.id)
		key := id
		if id == "" {
			key = "\x00" + strconv.Itoa(row) // no id: an answer of its own
		}
		ri, ok := responses[key]
		if !ok {
			ri = len(rows)
			responses[key] = ri
			r := make([]string, base, base+len(questions))
			r[0] = id
			rows = append(rows, longRow{rec: r, row: row})
		}
		r := &rows[ri]
		for j, i := range own {
			if r.rec[1+j] == "" {
				r.rec[1+j] = cellAt(rec, i) // a date given on one row only
			}
		}
		for len(r.rec) <= base+qi {
			r.rec = append(r.rec, "")
		}
		// One question answered twice in a response (several choices,
		// the rows of a matrix): both are kept, and a score given twice
		// is rejected rather than one picked.
		if a := cellAt(rec, l.answer); r.rec[base+qi] == "" {
			r.rec[base+qi] = a
		} else if a != "" {
			r.rec[base+qi] += "; " + a
		}
	}
	for i := range rows {
		if r := &rows[i]; r.err == nil {
			r.rec = append(r.rec, make([]string, len(header)-len(r.rec))...)
		}
	}
	p.long = &longSource{header: header, rows: rows, bytes: src.bytesRead()}
	p.skip, p.headerRows = 0, 1
	p.cols = buildColumns([][]string{header}, 1)
	p.sample = p.sample[:0]
	for _, r := range rows {
		if len(p.sample) == sampleRows {
			break
		}
		if r.err == nil {
			p.sample = append(p.sample, r.rec)
		}
	}
	idName := header[0]
	p.warnings = append(p.warnings, warning(warnLongAnswers, map[string]any{"Rows": read, "Responses": len(responses), "Column": idName},
		"the file has one row per answer: its %d rows were joined into %d responses by %q, each question a column", read, len(responses), idName))
	return nil
}

// dateValues reports whether the sampled values of column i are dates,
// nine in ten at least.
func dateValues(sample [][]string, i int, excel bool) bool {
	seen, dates := 0, 0
	for _, r := range sample {
		if v := cellAt(r, i); v != "" {
			seen++
			if _, err := scanDate(v, excel); err == nil {
				dates++
			}
		}
	}
	return seen > 0 && dates*10 >= seen*9
}
