package importer

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// column is one column of the file with everything its header rows say.
type column struct {
	name     string   // shown to the user (Preview.Columns)
	headers  []string // every non-empty header cell of the column
	norm     string   // normalised name for alias matching
	importID string   // Qualtrics ImportId
	loc      *time.Location
	option   bool      // one answer option of a SurveyMonkey multiple-choice question
	group    string    // the heading merged over the column's own name (see groupedColumns)
	order    DateOrder // the date order the header names ("Timestamp (mm/dd/yyyy)"), DateAuto if none
}

// normHeader lower-cases, trims and collapses spaces so that aliases match
// "  Response  ID " and "response id:".
func normHeader(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimRight(s, ":?* ")
	return strings.Trim(s, "\"'«» ")
}

// buildColumns names the columns from the header rows.
func buildColumns(rows [][]string, headerRows int) []column {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	cols := make([]column, width)
	lastQuestion := ""
	legacyQualtrics := headerRows == 2 && len(rows) > 0 && qualtricsCodes(rows[0])
	twoRowQualtrics := headerRows == 2 && qualtricsTwoRows(rows)
	for c := range cols {
		col := &cols[c]
		for r := 0; r < headerRows && r < len(rows); r++ {
			if h := cell(r, c); h != "" {
				col.headers = append(col.headers, h)
			}
		}
		switch {
		case legacyQualtrics: // codes, then names
			col.name = cell(1, c)
		case twoRowQualtrics: // names, then question texts (no ImportId row)
			col.name = cell(0, c)
		case headerRows == 2: // SurveyMonkey: question, then "Response" or an option
			q, sub := cell(0, c), cell(1, c)
			if q != "" {
				lastQuestion = q
			} else {
				q = lastQuestion
			}
			switch {
			case sub == "" || monkeySubHeader(sub):
				col.name = q
				if cell(0, c) == "" && q != "" {
					col.headers = append(col.headers, q)
				}
			case q == "":
				col.name = sub
			default:
				// An answer option of a multiple-choice question
				// ("How did you contact us?" / "Email"): the option
				// alone must not pass for a field name.
				col.name = q + " - " + sub
				col.headers = []string{col.name}
				col.option = true
			}
		case headerRows == 3: // Qualtrics: short name, question text, ImportId JSON
			col.name = cell(0, c)
			col.importID, col.loc = parseImportID(cell(2, c))
			if col.importID != "" {
				col.headers = col.headers[:len(col.headers)-1]
				col.headers = append(col.headers, col.importID)
			}
		default:
			col.name = cell(0, c)
		}
		if col.name == "" {
			col.name = "#" + strconv.Itoa(c+1)
		}
		col.norm = normHeader(col.name)
		// Typeform and others mark UTC columns in the header;
		// KoboToolbox's server time "_submission_time" is UTC unmarked.
		if col.loc == nil && (strings.HasSuffix(col.norm, "(utc)") || strings.HasSuffix(col.norm, " utc") || col.norm == "_submission_time") {
			col.loc = time.UTC
		}
		col.order = headerDateOrder(col.norm)
	}
	return cols
}

// headerDateOrder is the day/month order a header names, as QuestionPro's
// "Timestamp (mm/dd/yyyy)" does: an export whose days are all 12 or less
// cannot tell it otherwise.
func headerDateOrder(norm string) DateOrder {
	switch {
	case strings.Contains(norm, "mm/dd/yy") || strings.Contains(norm, "mm-dd-yy"):
		return MDY
	case strings.Contains(norm, "dd/mm/yy") || strings.Contains(norm, "dd-mm-yy"):
		return DMY
	}
	return DateAuto
}

// headerOrder is the date order named by the header of the first of the
// date columns dcs that names one, DateAuto if none does.
func headerOrder(cols []column, dcs []int) DateOrder {
	for _, i := range dcs {
		if o := cols[i].order; o != DateAuto {
			return o
		}
	}
	return DateAuto
}

// parseImportID reads a Qualtrics third header cell such as
// {"ImportId":"recordedDate","timeZone":"America/Denver"}.
func parseImportID(s string) (string, *time.Location) {
	if !strings.HasPrefix(s, "{") {
		return "", nil
	}
	var v struct {
		ImportID string `json:"ImportId"`
		TimeZone string `json:"timeZone"`
	}
	if json.Unmarshal([]byte(s), &v) != nil {
		return "", nil
	}
	var loc *time.Location
	if v.TimeZone != "" {
		if l, err := time.LoadLocation(v.TimeZone); err == nil {
			loc = l
		} else if strings.EqualFold(v.TimeZone, "utc") || v.TimeZone == "Z" {
			loc = time.UTC
		}
	}
	return v.ImportID, loc
}

// detectHeaderRows recognises SurveyMonkey's second header row and
// Qualtrics' ImportId row.
func detectHeaderRows(rows [][]string) int {
	if len(rows) >= 3 {
		for _, c := range rows[2] {
			if strings.HasPrefix(strings.TrimSpace(c), `{"ImportId"`) {
				return 3
			}
		}
	}
	if len(rows) >= 2 && (qualtricsCodes(rows[0]) || qualtricsTwoRows(rows)) {
		return 2
	}
	if len(rows) >= 2 {
		// SurveyMonkey's second row holds sub-headers only; a data row
		// that happens to say "Response" also holds numbers.
		subHeader := false
		for _, c := range rows[1] {
			l := strings.ToLower(strings.TrimSpace(c))
			if monkeySubHeader(l) {
				subHeader = true
			}
			if l != "" && strings.Trim(l, "0123456789.,:-/ ") == "" {
				return 1
			}
		}
		if subHeader {
			return 2
		}
	}
	return 1
}

// monkeySubHeaders are the words SurveyMonkey's second header row puts
// under a question answered in one column: "Response" (a choice, a
// rating) and "Open-Ended Response" (a comment box), «Ответ» and «Ответ
// в свободной форме» in an account set to Russian.
var monkeySubHeaders = []string{"response", "open-ended response", "ответ", "ответ в свободной форме"}

// monkeySubHeader reports whether a second-row cell is one of
// monkeySubHeaders.
func monkeySubHeader(s string) bool {
	return slices.Contains(monkeySubHeaders, strings.ToLower(strings.TrimSpace(s)))
}

// qualtricsTwoRows reports whether the first two rows are a Qualtrics
// export's names and question texts without the ImportId row below them
// (ropensci/excluder's qualtrics_raw "includes the two header rows",
// as do files whose third row was deleted): "ResponseId" above "Response
// ID", "RecordedDate" or "StartDate" above "Recorded Date" or "Start
// Date".
func qualtricsTwoRows(rows [][]string) bool {
	if len(rows) < 2 {
		return false
	}
	id, date := false, false
	for c, h := range rows[0] {
		if c >= len(rows[1]) {
			break
		}
		name, text := normHeader(h), normHeader(rows[1][c])
		id = id || name == "responseid" && text == "response id"
		date = date || (name == "recordeddate" && text == "recorded date") || (name == "startdate" && text == "start date")
	}
	return id && date
}

// qualtricsCode is a variable code of a Qualtrics export in its legacy
// format (until 2017, and still offered): V1…V10 for the response's
// metadata, Q1, Q2_1, Q3_TEXT for the questions, Q1_NPS_GROUP for the
// group of an NPS question as the current format names it.
var qualtricsCode = regexp.MustCompile(`^(V[0-9]+|Q[0-9]+(_[0-9]+)*(_TEXT|_NPS_GROUP)?|Location(Latitude|Longitude|Accuracy))$`)

// qualtricsCodes reports whether row is the first header row of a legacy
// Qualtrics export: codes only, starting with V1, above the names.
func qualtricsCodes(row []string) bool {
	if len(row) < 2 || strings.TrimSpace(row[0]) != "V1" {
		return false
	}
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" && !qualtricsCode.MatchString(c) {
			return false
		}
	}
	return true
}

func hasHeader(cols []column, names ...string) bool {
	for _, c := range cols {
		for _, n := range names {
			if c.norm == n {
				return true
			}
		}
	}
	return false
}

// detectSurveyFormat recognises a known survey tool from the headers.
func detectSurveyFormat(cols []column, headerRows int) string {
	switch {
	case headerRows == 3 || hasHeader(cols, "responseid") && hasHeader(cols, "recordeddate", "startdate", "values.recordeddate", "values.startdate"):
		// "values.recordedDate": its Response Export API's JSON flattened.
		return FormatQualtrics
	case hasHeader(cols, "respondent id", "respondentid") && hasHeader(cols, "start date", "end date", "collector id", "collectorid"):
		return FormatSurveyMonkey
	case headerRows == 2:
		return FormatSurveyMonkey
	case hasHeader(cols, "response id") && hasHeader(cols, "time started") && hasHeader(cols, "date submitted"):
		// Alchemer's API documents its dates as US Eastern; the zone of
		// its CSV export is not documented, so its dates stay in the
		// department's zone (or a row's own, see zoneHeaders).
		return FormatAlchemer
	case hasHeader(cols, "#") && hasHeader(cols, "submit date (utc)", "network id", "start date (utc)"):
		return FormatTypeform
	case hasHeader(cols, "score") && (hasHeader(cols, "response timestamp") || hasHeader(cols, "created at") && hasHeader(cols, "email", "person id", "response id")):
		return FormatDelighted
	case hasHeader(cols, "score") && hasHeader(cols, "permalink") && hasHeader(cols, "survey_type", "person"):
		// Delighted's API survey responses flattened to CSV (see
		// surveyTypeHeaders).
		return FormatDelighted
	case len(cols) > 0 && slices.Contains(formsTimestamps, cols[0].norm):
		return FormatGoogleForms
	}
	return FormatGeneric
}

// formsTimestamps are the headers Google Forms gives its first column,
// when the answer was sent, in the language of the form owner's account:
// English, Russian, Spanish, French, Italian, German, Portuguese.
var formsTimestamps = []string{"timestamp", "отметка времени", "marca temporal", "horodateur", "informazioni cronologiche", "zeitstempel",
	"carimbo de data/hora"}

// aliases are exact normalised header names per field, best first;
// Anketolog numbers its answers «ID анкеты», Jotform "Submission ID",
// HubSpot every record "Record ID", Formstack "Unique ID". Tally writes
// "Respondent ID" too, but a respondent who answers again keeps it: its
// "Submission ID" goes first.
var aliases = map[Field][]string{
	FieldExternalID: {"response id", "responseid", "submission id", "respondent id", "respondentid", "external id", "external_id", "response_id", "id ответа", "номер ответа", "#", "id", "ид", "№", "response token", "token", "uuid",
		"id анкеты", "record id", "unique id",
		"key", "instanceid", "meta-instanceid", // ODK Central, SurveyCTO
		// Wufoo's API entries (and the connectors that flatten them)
		// number each entry "EntryId"; Trustmary's review object keeps
		// the CRM's own id as "eid".
		"entryid", "entry id", "eid"},
	// Microsoft Forms writes "Start time" and "Completion time" («Время
	// начала», «Время завершения» in Russian), Anketolog
	// and Testograf «Дата (и время) окончания» after the start, Yandex
	// Forms «Время создания», AskNicely "responded" (unix seconds) after
	// "created" (when the survey was sent), LimeSurvey "submitdate" (its
	// question-code headings) after "startdate", Zoho Survey "Submitted
	// Time" after "Started Time" («Время отправки» after «Время начала»
	// in Russian). CustomerGauge writes "Date Responded" after "Date Sent",
	// SurveySparrow "Submission Time" after "Start Time", WebAsk «Дата
	// завершения» after «Дата начала»; Pendo dates an answer by the
	// respondent's "Browser Time".
	FieldDate: {"date", "дата", "дата ответа", "дата опроса", "дата и время", "response date", "responded at", "responded", "date responded", "date de réponse",
		"survey response date", "survey date", // a contact centre's CSAT data beside the order's and the dates
		"rated at",                     // Thanx: when the guest answered, after "created_at" (when asked)
		"scored datetime", "scored at", // Gorgias: when the customer answered, after "created_datetime" and "sent_datetime"
		"recordeddate", "recorded date", "end date", "enddate",
		// ODK and KoboToolbox: when the respondent finished, with the
		// device's offset, before the server's "_submission_time".
		"end", "submit date (utc)", "submitted at", "submit date", "date submitted", "submitted",
		"submitdate", "submitted time", "submission time", "время отправки", "дата отправки", "дата и время отправки",
		"entry datesubmitted", // Cognito Forms' "Entry_DateSubmitted", after "Entry_DateCreated"
		"completed at", "completion time", "время завершения", "дата и время завершения", "время окончания", "дата окончания", "дата и время окончания",
		"дата завершения", "browser time", "response timestamp", "timestamp", "отметка времени", "время создания",
		// Google Forms' "Timestamp" in a Spanish, French, Italian, German or
		// Portuguese account.
		"marca temporal", "horodateur", "informazioni cronologiche", "zeitstempel", "carimbo de data/hora",
		"дата создания", "created at", "created", "datetime", "время", "time", "start date (utc)", "startdate", "start date", "start time",
		"время начала", "date created", "datecreated", "started time"},
	FieldScore: {"score", "nps", "nps score", "оценка", "балл", "оценка nps", "nps оценка", "rating", "likelihood to recommend", "ltr", "recommend",
		"note", "note nps", "nps_score", "answer"},
	FieldComment: {"comment", "comments", "feedback", "комментарий", "комментарии", "отзыв", "explication", "commentaire", "commentaires", "verbatim",
		"reason", "причина", "open-ended response", "text", "текст", "текст отзыва",
		"review", "review text", // Thanx: "review" the words of a 0-10 "rating"
		"remarks", "remark", "customer remarks", "customer remark",
		"body text"}, // Gorgias: the customer's words beside the 1-5 "score"
	// Satismeter says how it asked ("In-app", "Email") under "Method".
	FieldChannel: {"channel", "канал", "канал связи", "survey channel", "delighted source", "deliverymethod", "delivery method", "source", "источник", "medium",
		"method",
		// Qualtrics: "anonymous" (its survey link), "email", "sms".
		"distributionchannel", "distribution channel",
		"response source", "способ опроса"},
	FieldTouchpoint: {"touchpoint", "touch point", "точка контакта", "journey stage", "этап", "stage", "точка касания", "этап пути клиента",
		"customer journey", "journey",
		// A transactional survey is sent after one interaction and named
		// after it ("After delivery", «После звонка»).
		"interaction type", "тип взаимодействия", "survey name", "название опроса", "trigger", "триггер",
		"survey", "event", "опрос", "событие",
		// What or where the answer was about: a department, a product or
		// service, a store or branch of a chain. The report's breakdown
		// by touchpoint is the only free one, so such a column goes there
		// rather than nowhere (a real "Touchpoint" column ranks first).
		"department", "отдел", "product", "продукт", "услуга", "service", "team", "команда",
		"location", "store", "branch", "филиал", "магазин", "точка продаж", "офис"},
	FieldClient: {"client", "customer", "клиент", "customer name", "client name", "имя клиента", "company", "компания", "account", "name", "имя", "фио",
		"person", "respondent", // an API's person object written out by its name ("person.name")
		"email", "e-mail", "organization", "organisation", "организация", "account name", "company name"},
	// Delighted and Retently export customer properties under the names the
	// company gave them: a plan or tier is the segment.
	FieldSegment: {"segment", "сегмент", "customer segment", "client segment", "сегмент клиента", "tier", "plan",
		"customer plan", "plan name", "plan type", "customer tier", "client tier", "тариф", "тарифный план", "уровень клиента",
		"категория клиента", "тип клиента", "статус клиента", "customer type", "client type", "customer category", "client category"},
	FieldTags: {"tags", "теги", "метки", "tag", "labels", "ярлыки"},
}

// containsRules recognise question-text headers ("How likely are you to
// recommend us…?", «Почему вы поставили такую оценку?»).
var containsRules = map[Field][]string{
	// «Посоветуете ли вы нас друзьям?», «Индекс NPS», "NPS-оценка";
	// "refer" only in phrases, as "preferred" holds it too.
	FieldScore: {"recommend", "рекоменд", "recommand", "weiterempfehlen", "посовет", "nps", "likely to refer", "refer us", "refer a friend",
		"refer our",
		// Spanish and Portuguese «¿Qué tan probable es que recomiende…?»,
		// «recomendaria», Italian «…che consiglieresti…», «raccomandare».
		"recomiend", "recomend", "consiglier", "raccomand",
		// German «Würden Sie uns empfehlen?» beside «weiterempfehlen».
		"empfehl"},
	// Testograf's templates ask «Что нам улучшить?» after the score,
	// Mailchimp's "What's one thing we could do better?".
	FieldComment: {"why", "reason", "почему", "причин", "pourquoi", "what could", "explain", "comment", "комментар", "отзыв", "feedback", "tell us", "улучш",
		"do better",
		// The open question a survey asks beside the score, as forms
		// word it: «Что понравилось?», «Ваши пожелания», «Расскажите
		// подробнее», "What can we improve?", "Anything else?".
		"понрав", "пожелан", "предложен", "подробн", "пояснен", "замечан", "впечатлен", "лучше", "improve", "suggest", "did you like",
		"like most", "like least", "anything else",
		// «¿Cuál es la razón de su puntuación?», «Perché?».
		"razón", "motivo", "por qué", "perché",
		// German «Warum?», «Was ist der wichtigste Grund für Ihre
		// Bewertung?», «Kommentar», «Anmerkungen».
		"warum", "grund", "kommentar", "anmerkung"},
	FieldDate: {"date", "дата"},
	// Surveys often ask the channel as a question ("How did you contact
	// us?", «Как вы с нами связывались?»); its answers are channel names.
	FieldChannel: {"channel", "канал", "contact us", "reach us", "связыва", "обращал"},
	FieldClient:  {"имя", "фио", "name", "клиент", "client", "customer name"},
}

// cutPhrases are the usual wordings of the NPS questions, which a header
// cut short ("How likely is it that you would rec..") is matched against:
// the cut may fall before the telling word of containsRules.
var cutPhrases = map[Field][]string{
	FieldScore: {"how likely is it that you would recommend", "how likely are you to recommend", "how likely would you be to recommend",
		"on a scale from 0 to 10, how likely", "on a scale of 0 to 10, how likely", "on a scale of 0-10, how likely",
		"насколько вероятно, что вы порекомендуете", "с какой вероятностью вы порекомендуете", "насколько вы готовы рекомендовать"},
	FieldComment: {"what is the primary reason for your score", "what is the main reason for your score", "what is the reason for your score",
		"please tell us why you gave", "please tell us why", "please explain your score", "what could we do better", "what can we do better",
		"what can we do to improve", "what's one thing we could do better",
		"почему вы поставили такую оценку", "пожалуйста, объясните вашу оценку", "что нам улучшить", "что мы можем улучшить"},
	FieldChannel: {"how did you contact us", "how did you reach us", "как вы с нами связывались"},
}

// minCut is the shortest cut header matched by its beginning: a few
// letters begin too many phrases to tell one.
const minCut = 8

// cutPrefix is what is left of a header cut short with "..": LimeSurvey's
// abbreviated headings keep the first characters of a question (15 unless
// the user chose another length) and end them with "..". ok=false for a
// whole header.
func cutPrefix(norm string) (prefix string, ok bool) {
	if !strings.HasSuffix(norm, "..") {
		return "", false
	}
	prefix = strings.TrimSpace(strings.TrimRight(norm, "."))
	return prefix, utf8.RuneCountInString(prefix) >= minCut
}

// headerIs reports whether the normalised header norm is name, whole or
// cut short.
func headerIs(norm, name string) bool {
	if norm == name {
		return true
	}
	prefix, cut := cutPrefix(norm)
	return cut && strings.HasPrefix(name, prefix)
}

// byHeader looks a normalised header up in a table keyed by headers:
// whole first, then cut short (see cutPrefix), trying the keys in order
// so that the answer does not change from one run to the next.
func byHeader[V any](m map[string]V, norm string) (V, bool) {
	if v, ok := m[norm]; ok {
		return v, true
	}
	if _, cut := cutPrefix(norm); cut {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if headerIs(norm, k) {
				return m[k], true
			}
		}
	}
	var none V
	return none, false
}

// spaced spells the "_" of API-style names ("completed_at", Refiner's)
// as the spaces of the names they stand for.
func spaced(s string) string { return strings.ReplaceAll(s, "_", " ") }

// namedObject returns the object whose name a dotted column holds: an
// API's object written out by its name ("fields.status.name",
// "assignee.displayName" in Jira's, "assigned_to.display_value" in
// ServiceNow's). The object says what the column is; "name" alone would
// make a status or an agent the client.
func namedObject(n string) (string, bool) {
	i := strings.LastIndex(n, ".")
	if i <= 0 || strings.ContainsAny(n[:i], " \t") || !slices.Contains(objectNameWords, n[i+1:]) {
		return "", false
	}
	obj := n[:i]
	return obj[strings.LastIndex(obj, ".")+1:], true
}

// objectNameWords are the properties that name an API's object.
// ServiceNow's reference fields ("assigned_to.display_value") hold their
// record's id in "value".
var objectNameWords = []string{"name", "displayname", "display name", "display_name", "display value", "display_value", "label"}

// notClientWords mark headers that contain "name" but hold only part of a
// person's name or something else altogether.
var notClientWords = []string{"first name", "last name", "firstname", "lastname", "middle name", "surname", "username", "user name",
	"фамилия", "отчество", "имя пользователя", "file name", "filename", "survey name", "name of survey", "product name",
	"productname",              // Wildberries' "productDetails.productName"
	"complaint",                // "Customer Complaint" is what the client wrote, not who
	"remarks", "city", "город", // Flipkart's "Customer Remarks", "Customer_City" (on Kaggle)
	"submittername", "submitter name", // ODK Central's data collector
	// Who served the client: "Agent_name", "Supervisor", "Manager",
	// «Оператор», «Менеджер».
	"agent", "supervisor", "manager", "оператор", "менеджер", "сотрудник", "employee"}

// notDateWords mark dates of the client rather than of the answer or the
// ticket: a survey's "Дата рождения" is no response date.
var notDateWords = []string{"рожд", "birth", "dob", "д.р."}

// starWords are the words of headers of star ratings: Google Play's
// "Star Rating", Medallia Agent Connect's "star_rating", «Звёзды». Stars
// (1-5) say how a reviewer rated, not how likely they are to recommend:
// they are never a 0-10 score.
var starWords = []string{"star", "stars", "звезд", "звёзд", "звезда", "звёзды", "звезды"}

// starHeader reports whether a column's header names star ratings.
func starHeader(c column) bool {
	for _, h := range append([]string{c.name}, c.headers...) {
		for _, w := range strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if slices.Contains(starWords, w) || strings.HasPrefix(w, "звезд") || strings.HasPrefix(w, "звёзд") {
				return true
			}
		}
	}
	return false
}

// npsWords mark a header that asks the recommendation question itself: its
// answers are 0-10 scores whatever range a file's few answers span.
var npsWords = []string{"nps", "recommend", "рекоменд", "recommand", "weiterempfehlen", "likelihood", "ltr", "посовет", "recomiend", "recomend", "consiglier", "raccomand", "empfehl"}

func npsHeader(c column) bool { return c.mentions(npsWords) }

// mentions reports whether the column's name or a header cell contains
// one of words (lower case).
func (c column) mentions(words []string) bool {
	for _, h := range append([]string{c.name}, c.headers...) {
		if containsAny(strings.ToLower(h), words) {
			return true
		}
	}
	return false
}

// reviewHeader reports whether a header is one of a review platform's
// export: Yotpo's "Review Content", Judge.me's "review_date", Okendo's
// "reviewId", Google Play's "Review Text", "Reviewer Name", Datafiniti's
// "reviews.text" (a review's fields flattened from JSON). ODK's
// "ReviewState" and SurveyCTO's "review_status" are a survey's own
// moderation, not reviews.
func reviewHeader(c column) bool {
	n := strings.TrimSpace(strings.ReplaceAll(spaced(c.norm), ".", " "))
	switch {
	case strings.HasPrefix(n, "reviewstate"), strings.HasPrefix(n, "review state"), strings.HasPrefix(n, "review status"), strings.HasPrefix(n, "reviewed"):
		return false
	case strings.HasPrefix(n, "review "), strings.HasPrefix(n, "reviews "), strings.HasPrefix(n, "reviewer"), strings.HasPrefix(n, "reviewid"):
		// Not "Review" alone: Thanx calls the comment of a 0-10 answer so.
		return true
	}
	last := n
	if i := strings.LastIndex(c.norm, "."); i >= 0 {
		last = strings.TrimSpace(spaced(c.norm[i+1:])) // Yandex Market's "description.advantages"
	}
	return containsAny(n, reviewReplyWords) || containsAny(n, reviewVoteWords) || containsAny(n, reviewMediaWords) ||
		slices.Contains(reviewNames, n) || slices.Contains(reviewNames, last)
}

// reviewNames are whole headers of a review's parts no survey has: the
// readers' likes and dislikes (a Yandex Maps scraper's "likes",
// "dislikes", Ozon's "likes_amount"), and the pros and cons a marketplace
// review form asks for (Wildberries' "pros", "cons", Yandex Market's
// "advantages", "disadvantages", «Достоинства», «Недостатки» on the
// forms). Whole, as a survey may ask what a client "likes".
var reviewNames = []string{"likes", "dislikes", "likes amount", "dislikes amount", "likes count", "dislikes count", "лайки", "дизлайки",
	"pros", "cons", "advantages", "disadvantages", "достоинства", "недостатки"}

// reviewMediaWords name the photos and videos a buyer attaches to a
// marketplace review, and whether the review counts in the product's
// rating, which no survey answer has: Ozon's "photos_amount",
// "videos_amount", "is_rating_participant", Wildberries' "photoLinks".
var reviewMediaWords = []string{"photos amount", "videos amount", "rating participant", "photolinks", "photo links"}

// reviewVoteWords name the readers' votes on a review, which no survey
// answer gets: Amazon's "HelpfulnessNumerator" and "helpful_votes",
// Google Play's "thumbsUpCount", a shop's "Positive Feedback Count".
var reviewVoteWords = []string{"helpfulness", "helpful votes", "helpful count", "thumbsupcount", "thumbs up count", "positive feedback count"}

// reviewReplyWords name the public reply a review platform lets the
// company write under a review, which no survey has: the App Store's
// "developerResponse" (app-store-scraper), Google Play's "replyContent"
// and "Developer Reply Text", Trustpilot's "Business Reply Date", Yandex
// Maps' "businessComment" (scraped as "business_comment",
// "business_reply"), a map service's «Ответ организации».
var reviewReplyWords = []string{"developerresponse", "developer response", "developer reply", "replycontent", "reply content",
	"ownerresponse", "owner response", "owner reply", "owner comment", "ownercomment",
	"business reply", "business response", "business comment", "businesscomment", "company response", "company reply",
	"ответ разработчика", "ответ компании", "ответ организации", "ответ владельца", "ответ магазина", "ответ продавца"}

// otherMetricWords mark a question about the client's effort or
// satisfaction: the Customer Effort Score ("How easy was it to get your
// issue resolved?", «Насколько легко…», answered 1-7) and CSAT («Насколько
// вы удовлетворены…»). Their answers are no recommendation scores
// whatever their range.
var otherMetricWords = []string{"effort", "satisf", "easy", "easily", "csat", "удовлетвор", "легко", "усили"}

// otherMetric reports whether a column asks about effort or satisfaction
// ("CES" as a word), not the recommendation.
func otherMetric(c column) bool {
	if npsHeader(c) {
		return false
	}
	if c.mentions(otherMetricWords) {
		return true
	}
	for _, h := range append([]string{c.name}, c.headers...) {
		if slices.Contains(strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !unicode.IsLetter(r) }), "ces") {
			return true
		}
	}
	return false
}

// calculatedScore reports whether a column is Typeform's "calculated"
// score (its Responses API's "calculated.score", flattened): the points
// a quiz's or a form's calculator added up, 0 on a form without one,
// never the answer to the 0-10 question, which is among the "answers".
func calculatedScore(c column) bool {
	n := strings.TrimSpace(spaced(c.norm))
	return n == "calculated.score" || n == "calculated score"
}

// notScoreWords mark headers of NPS group labels and other non-scores.
var notScoreWords = []string{"group", "category", "categor", "label", "type", "группа", "категор", "segment", "сегмент"}

// schema is what one kind of import (survey answers, tickets) looks for
// in a file; detection, mapping and date handling are shared.
type schema struct {
	kind   string  // the import batch kind
	fields []Field // in display order
	// order is the order fields pick their columns, so that a field with
	// a telling header is taken before a loose rule could grab its column.
	order    []Field
	aliases  map[Field][]string // exact normalised headers, best first
	contains map[Field][]string // words a header may contain instead
	phrases  map[Field][]string // whole wordings a header cut short may begin
	// layouts are the exact headers of each known layout, tried before
	// the aliases once the layout is recognised.
	layouts map[string]map[Field][]string
	// skip are headers of a layout that hold no field although an alias
	// names one: they are never mapped.
	skip map[string][]string
	// dates are the fields holding dates; dates[0] is the row's own date.
	// Their day/month order is decided from all of them together: one
	// export writes every date the same way.
	dates  []Field
	detect func(cols []column, headerRows int) string
	// doubtful are headers that also name something else ("State" is an
	// address's too): a column so named is taken for the field only when
	// most sample values are ones fits knows.
	doubtful map[Field][]string
	fits     map[Field]func(string) bool
	// reshape, when set, corrects the mapping for a shape of file the
	// headers tell (a field-change log), after the user's mapping.
	reshape func(p *plan, opt Options)
}

// fieldOrder is the survey order: the score question is taken before the
// comment rule ("why…") could grab it.
var fieldOrder = []Field{FieldExternalID, FieldScore, FieldDate, FieldComment, FieldChannel, FieldTouchpoint, FieldClient, FieldSegment, FieldTags}

// feedbackSkip are the columns of a survey layout never mapped:
// Alchemer's "Comments" (and "Legacy Comments") are the team's notes on a
// response, not the respondent's words, which are in a question's column.
var feedbackSkip = map[string][]string{
	FormatAlchemer: {"comments", "legacy comments"},
}

var feedbackSchema = &schema{
	kind:     "feedback",
	fields:   Fields,
	order:    fieldOrder,
	aliases:  aliases,
	contains: containsRules,
	phrases:  cutPhrases,
	skip:     feedbackSkip,
	dates:    []Field{FieldDate},
	detect:   detectSurveyFormat,
}

func (sc *schema) isDate(f Field) bool { return slices.Contains(sc.dates, f) }

// detectMapping maps fields to column indexes from headers and sample
// values: the recognised layout's own headers first, then the aliases.
// Columns in banned are never mapped.
func detectMapping(sc *schema, format string, cols []column, sample [][]string, excel bool, banned map[int]bool) map[Field]int {
	m := map[Field]int{}
	used := maps.Clone(banned)
	if used == nil {
		used = map[int]bool{}
	}
	for _, n := range sc.skip[format] {
		for i, c := range cols {
			if c.norm == n {
				used[i] = true
			}
		}
	}
	if exact := sc.layouts[format]; exact != nil {
		for _, f := range sc.order {
			if i := exactColumn(cols, used, exact[f]); i >= 0 {
				m[f] = i
				used[i] = true
			}
		}
	}
	// Headers that name a field exactly and hold values go first, so that
	// a field earlier in the order cannot take by a telling word the
	// column another field's own name claims ("Resolution Description"
	// is the resolution, not the description).
	names := make([][]string, len(cols)) // matchNames, made on first use
	for _, exactOnly := range []bool{true, false} {
		for _, f := range sc.order {
			if _, done := m[f]; done {
				continue
			}
			best, bestRank, bestEmpty := -1, 1<<30, true
			for i, c := range cols {
				if used[i] {
					continue
				}
				if names[i] == nil {
					names[i] = matchNames(sc, c)
				}
				rank := rankByNames(sc, f, c, names[i])
				if rank < 0 || exactOnly && rank >= containsRank {
					continue
				}
				loose := rank >= containsRank || slices.Contains(sc.doubtful[f], c.norm)
				fit, empty := valuesFit(sc, f, i, sample, excel, loose)
				// A column with values beats an empty one whatever their
				// headers: an export's unused "NPS" or "note" column must
				// not take the score from the filled one.
				if !fit || exactOnly && empty || best >= 0 && (empty && !bestEmpty || empty == bestEmpty && rank >= bestRank && !afterScore(m, f, best, i, rank == bestRank)) {
					continue
				}
				best, bestRank, bestEmpty = i, rank, empty
			}
			if best >= 0 {
				m[f] = best
				used[best] = true
			}
		}
	}
	return m
}

// afterScore reports whether column i, as telling a comment's header as
// column best (tie), is the open question asked after the score while best
// was asked before it: a survey's «Почему?» follows its 0-10 question,
// its other open questions («Здесь вы можете оставить более подробную
// обратную связь о кураторе») are about other things.
func afterScore(m map[Field]int, f Field, best, i int, tie bool) bool {
	s, ok := m[FieldScore]
	return tie && ok && f == FieldComment && best < s && i > s
}

// exactColumn returns the first unused column named by one of names (in
// their order), -1 when none.
func exactColumn(cols []column, used map[int]bool, names []string) int {
	for _, n := range names {
		for i, c := range cols {
			if obj, ok := namedObject(c.norm); !used[i] && (c.norm == n || ok && obj == n) {
				return i
			}
		}
	}
	return -1
}

// matchNames are the forms of a column's header that headerRank matches
// against a field's aliases: each header cell normalised, and the same
// without what only spells or annotates the name.
func matchNames(sc *schema, c column) []string {
	names := make([]string, 0, 1+len(c.headers))
	names = append(names, c.norm)
	for _, h := range c.headers {
		names = append(names, normHeader(h))
	}
	// "CreatedDate", "SRNumber": Los Angeles' 311 (MyLA311) and other
	// exports from a database write its column names in camel case.
	if sc.kind == "complaints" {
		for _, h := range append([]string{c.name}, c.headers...) {
			if w, ok := camelWords(h); ok {
				names = append(names, w)
			}
		}
	}
	// "created_at", "survey_channel": API-style names spell spaces as "_".
	for _, n := range names {
		if strings.Contains(n, "_") {
			names = append(names, strings.TrimSpace(spaced(n))) // KoboToolbox's "_uuid", "_submission_time"
		}
	}
	// Appcues' NPS export names the event's properties "attributes.score",
	// "attributes.feedback": the last part of a dotted name without
	// spaces is the property. Delighted's API names a person's properties
	// as the company did ("person_properties.Delighted Source"): the
	// property may hold spaces, the object's name before it does not.
	for _, n := range names {
		if i := strings.LastIndex(n, "."); i > 0 && i < len(n)-1 && !strings.ContainsAny(n[:i], " \t") && n[i+1] != ' ' {
			if obj, ok := namedObject(n); ok {
				names = append(names, obj, spaced(obj))
				continue
			}
			names = append(names, n[i+1:])
		}
	}
	// QuestionPro's "Timestamp (mm/dd/yyyy)": a note in brackets after
	// the name says how the values are written, not what they are.
	for _, n := range names {
		if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
			names = append(names, n[:i])
		}
		if base, ok := cutUnitNote(n); ok {
			names = append(names, base)
		}
		// «№ заявки» is «номер заявки» written short.
		if rest, ok := strings.CutPrefix(n, "№"); ok && strings.TrimSpace(rest) != "" {
			names = append(names, "номер "+strings.TrimSpace(rest))
		}
	}
	return names
}

// containsRank ranks a header that only contains a telling word.
const containsRank = 1000

// groupedRank is added to the rank of a name under a group heading that
// matches alone (see headerRank): after every whole header, before any
// telling word.
const groupedRank = 500

// headerRank is how well a column's header names the field: lower is
// better, -1 = no match.
func headerRank(sc *schema, f Field, c column) int {
	return rankByNames(sc, f, c, matchNames(sc, c))
}

// rankByNames is headerRank with the column's matchNames already made:
// detectMapping ranks every column for every field and makes them once.
func rankByNames(sc *schema, f Field, c column, names []string) int {
	scale := 0
	if f == FieldScore {
		if scale = headerScale(c); starHeader(c) || scale != 0 && scale != 10 {
			return -1
		}
		for _, h := range c.headers {
			if containsAny(strings.ToLower(h), notScoreWords) {
				return -1
			}
		}
		if strings.Contains(strings.ToLower(c.importID), "nps_group") || otherMetric(c) || calculatedScore(c) {
			return -1
		}
	}
	if f == FieldClient && c.mentions(notClientWords) && !wholeAlias(sc, f, c) && !fullNameHeader(c) || sc.isDate(f) && c.mentions(notDateWords) || f == FieldAssignee && slices.ContainsFunc(append([]string{c.name}, c.headers...), groupName) {
		return -1
	}
	penalty := 0
	if c.group != "" {
		// "Resolution" over "Date" is the resolution date; "Дата"
		// alone under «Решение» is only part of its header, so it
		// comes after a column the header names whole («Дата
		// обращения»), an exact match still.
		whole := normHeader(c.group + " " + c.norm)
		for rank, a := range sc.aliases[f] {
			if headerIs(whole, a) {
				return rank
			}
		}
		penalty = groupedRank
	}
	for rank, a := range sc.aliases[f] {
		for _, n := range names {
			if headerIs(n, a) {
				return rank + penalty
			}
		}
	}
	if sc.kind == "complaints" {
		// «Дата закрытия заявки», «Название Заявки», «Приоритет заявки»:
		// a register names what the field belongs to. Without it the
		// header is matched loosely, after every whole one, so «Суть
		// обращения» stays the description and is no «суть» (subject).
		for _, n := range names {
			if base, ok := cutTicketNoun(n); ok && slices.ContainsFunc(sc.aliases[f], func(a string) bool { return headerIs(base, a) }) {
				return containsRank
			}
		}
	}
	if f == FieldComment && idHeader(names) {
		// Cognito Forms' "CustomerFeedback_Id", a "Feedback ID": the
		// telling word names what the id numbers, not the answer.
		return -1
	}
	if c.option || f == FieldChannel && strings.Contains(c.norm, "distribution") {
		// An option column holds one answer of the question, and
		// Qualtrics' DistributionChannel says how the survey was sent.
		return -1
	}
	for _, n := range names {
		if containsAny(n, sc.contains[f]) {
			return containsRank
		}
		if prefix, cut := cutPrefix(n); cut {
			for _, ph := range sc.phrases[f] {
				if strings.HasPrefix(ph, prefix) {
					return containsRank
				}
			}
		}
	}
	if scale == 10 {
		// «Оцените по шкале от 0 до 10…» asks for a 0-10 score, though
		// not always the recommendation: after a header that names it.
		return containsRank + 1
	}
	return -1
}

// wholeAlias reports whether the column's header, without a note in
// brackets, is one of field's aliases: a housing journal's «Адрес и
// фамилия нанимателя (владельца)» names the client though a «Фамилия»
// alone is only part of a name.
func wholeAlias(sc *schema, f Field, c column) bool {
	n := c.norm
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i]
	}
	return slices.Contains(sc.aliases[f], n)
}

// fullNameWords name a person's whole name in a Russian form's header:
// «Фамилия, имя, отчество (при наличии) гражданина», «Фамилия и
// инициалы», where «Фамилия» alone would be only part of it.
var fullNameWords = []string{"фамилия, имя", "фамилия имя", "фамилия и инициалы", "фамилия, инициалы"}

// staffWords name the staff a full name may belong to.
var staffWords = []string{"agent", "supervisor", "manager", "employee", "оператор", "менеджер", "сотрудник", "исполнител", "ответствен",
	"специалист", "поручено", "передано", "должностн"}

// fullNameHeader reports whether a header names the whole name of a
// person who is not of the staff.
func fullNameHeader(c column) bool {
	return c.mentions(fullNameWords) && !c.mentions(staffWords)
}

// ticketNouns are the genitives a Russian register puts after a field's
// name: «Дата закрытия заявки», «Статус обращения»; a chat log's «ID
// чата», «Оценка диалога»; a call centre's «Тема звонка».
// Not «заявителя», «гражданина»: «Тип заявителя», «Категория
// заявителя» (a pensioner, a legal entity) describe the person.
var ticketNouns = []string{"заявки", "обращения", "жалобы", "претензии", "тикета", "задачи", "запроса", "инцидента", "рекламации", "чата", "диалога", "звонка"}

// cutTicketNoun returns a normalised header without the ticket noun it
// ends with. ok=false when it ends with none or is that noun alone.
func cutTicketNoun(norm string) (string, bool) {
	for _, w := range ticketNouns {
		// Cut the noun, then the space: " "+w would allocate per header.
		if rest, found := strings.CutSuffix(norm, w); found {
			if base, found := strings.CutSuffix(rest, " "); found && strings.TrimSpace(base) != "" {
				return strings.TrimSpace(base), true
			}
		}
	}
	return "", false
}

// camelWords spells a header written in camel case as the words it joins
// ("SRNumber" is "sr number", "CreatedDate" "created date"). ok=false
// for a header of one word, or already spaced.
func camelWords(h string) (string, bool) {
	h = strings.TrimSpace(h)
	if h == "" || strings.ContainsAny(h, " _.-") {
		return "", false
	}
	r := []rune(h)
	var b strings.Builder
	split := false
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) {
			prev := r[i-1]
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				b.WriteByte(' ')
				split = true
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String(), split
}

// scaleRange finds a scale a header names: "0-10", «от 0 до 10», "1–5",
// "0 to 10".
var scaleRange = regexp.MustCompile(`(?:^|[^0-9])[01] ?(?:-|–|—|до|to) ?([0-9]{1,3})(?:[^0-9]|$)`)

// headerScale is the top of the scale a column's header names, 0 if none:
// a header naming 1-5 or 0-100 asks for no 0-10 score.
func headerScale(c column) int {
	for _, h := range append([]string{c.name}, c.headers...) {
		if m := scaleRange.FindStringSubmatch(strings.ToLower(h)); m != nil {
			// Not "1-15 марта": a scale tops at 10 or 100.
			if n, _ := strconv.Atoi(m[1]); n >= 2 && n <= 10 || n == 100 {
				return n
			}
		}
		if _, top := pointScale(h); top != 0 {
			return top
		}
	}
	return 0
}

// pointsRange finds a scale a header names by its points: «по 5-балльной
// шкале», «7-бальная», "7-point scale".
var pointsRange = regexp.MustCompile(`(?:^|[^0-9])([0-9]{1,3}) ?-? ?(?:балльн|бальн|point|pt)`)

// pointWords are the points of a scale spelt out: «по пятибалльной шкале».
var pointWords = regexp.MustCompile(`(трех|трёх|четырех|четырёх|пяти|шести|семи|десяти|одиннадцати|сто) ?-? ?балл?ьн`)

var pointNumbers = map[string]int{"трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
	"десяти": 10, "одиннадцати": 11, "сто": 100}

// pointScale is the scale a header names by its points, as its lowest and
// top marks, top 0 if none: 5 points are 1-5, 11 are 0-10, 100 are 0-100.
func pointScale(h string) (low, top int) {
	h = strings.ToLower(h)
	n := 0
	if m := pointsRange.FindStringSubmatch(h); m != nil {
		n, _ = strconv.Atoi(m[1])
	} else if m := pointWords.FindStringSubmatch(h); m != nil {
		n = pointNumbers[m[1]]
	}
	switch {
	case n >= 2 && n <= 10:
		return 1, n
	case n == 11:
		return 0, 10
	case n == 100:
		return 0, 100
	}
	return 0, 0
}

// unitNotes are the units a register's header names after its field,
// ("Время реакции, мин", "Resolution time in hours"): durationUnit reads
// them, the mapping looks past them.
var unitNotes = []string{"мин", "минут", "минуты", "ч", "час", "часы", "часов", "сек", "секунд", "дн", "дней", "сут", "суток",
	"min", "mins", "minutes", "h", "hrs", "hours", "sec", "secs", "seconds", "d", "days",
	"в минутах", "в часах", "в секундах", "в днях", "in minutes", "in hours", "in seconds", "in days",
	// Money: «Компенсация, руб.», "Refund, USD".
	"руб", "руб.", "р.", "₽", "rub", "usd", "eur", "$", "€", "в рублях", "in usd", "in eur"}

// cutUnitNote returns a normalised header without its unit note: after a
// comma, or spelled "in hours", "в часах". ok=false when it has none.
func cutUnitNote(norm string) (base string, ok bool) {
	// Cut the unit, then its separator: joining them would allocate, and
	// this runs for every header against every field (16,384 columns).
	for _, u := range unitNotes {
		rest, found := strings.CutSuffix(norm, u)
		if !found {
			continue
		}
		for _, sep := range [...]string{", ", " "} {
			if sep == " " && !strings.Contains(u, " ") {
				continue // a bare "h" or "d" after a space is part of a name
			}
			if b, found := strings.CutSuffix(rest, sep); found && b != "" {
				return strings.TrimRight(b, " ,"), true
			}
		}
	}
	return "", false
}

// idHeader reports whether a header's last word is "id".
func idHeader(names []string) bool {
	for _, n := range names {
		if w := strings.Fields(n); len(w) > 0 && (w[len(w)-1] == "id" || w[len(w)-1] == "ид") {
			return true
		}
	}
	return false
}

// valuesFit checks the sample: a score column holds 0-10 numbers (not
// Promoter/Detractor labels), a date column holds dates. A header that is
// only a loose match must be backed by most values; an exact header only
// needs some (bad values are reported as rejects). empty tells that the
// sample has no value in the column at all.
func valuesFit(sc *schema, f Field, col int, sample [][]string, excel, loose bool) (fit, empty bool) {
	seen, good, labels := 0, 0, 0
	for _, r := range sample {
		if col >= len(r) || isMissing(r[col]) {
			continue
		}
		seen++
		switch {
		case f == FieldScore:
			if isNPSLabel(r[col]) {
				labels++
				continue
			}
			// A number out of range is still a score column: the bad
			// values are rejected one by one.
			if _, why := parseScore(r[col]); why == "" || why == reasonScoreRange || why == reasonScoreFraction {
				good++
			}
		case sc.isDate(f):
			if _, err := scanDate(strings.TrimSpace(r[col]), excel); err == nil {
				good++
			}
		case f == FieldFirstResponse || f == FieldResolutionTime:
			// GLPI's "Time to resolve" is the deadline its SLA sets, a
			// date: read as a duration it would reject every row. The
			// smallest unit a header gives takes any plausible number,
			// and still no unix time.
			if _, ok := parseDuration(r[col], unitSeconds); ok {
				good++
			}
		case loose && sc.fits[f] != nil:
			if sc.fits[f](r[col]) {
				good++
			}
		default:
			good++
		}
	}
	switch {
	case seen == 0:
		return true, true
	case labels*2 >= seen:
		return false, false
	case loose:
		return good*10 >= seen*8, false
	}
	return good > 0, false
}

// findColumn resolves a user mapping: exact header first, then
// case-insensitive, then "#N".
func findColumn(cols []column, name string) int {
	for i, n := range displayNames(cols) {
		if n == name {
			return i
		}
	}
	for i, c := range cols {
		for _, h := range c.headers {
			if h == name {
				return i
			}
		}
	}
	want := normHeader(name)
	for i, c := range cols {
		if c.norm == want {
			return i
		}
		for _, h := range c.headers {
			if normHeader(h) == want {
				return i
			}
		}
	}
	if strings.HasPrefix(name, "#") {
		if n, err := strconv.Atoi(name[1:]); err == nil && n >= 1 && n <= len(cols) {
			return n - 1
		}
	}
	return -1
}
