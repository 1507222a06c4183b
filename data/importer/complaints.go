package importer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The fields of a complaint (ticket) a column can map to. External id,
// channel and client are shared with survey answers.
const (
	FieldOpened         Field = "opened"
	FieldStatus         Field = "status"
	FieldPriority       Field = "priority"
	FieldType           Field = "type"
	FieldTier           Field = "client_tier"
	FieldCategory       Field = "category"
	FieldSubcategory    Field = "subcategory"
	FieldSubject        Field = "subject"
	FieldDescription    Field = "description"
	FieldAssignee       Field = "assignee"
	FieldLevel          Field = "level" // the escalation level reached, or whether (or when) it was escalated
	FieldRespondedAt    Field = "first_response_at"
	FieldFirstResponse  Field = "first_response_time" // a duration since opening
	FieldResolvedAt     Field = "resolved_at"
	FieldResolutionTime Field = "resolution_time" // a duration since opening
	FieldClosedAt       Field = "closed_at"
	FieldUpdatedAt      Field = "updated_at" // event logs: when the row's state was recorded
	FieldReopens        Field = "reopens"
	FieldResolution     Field = "resolution"
	FieldVerdict        Field = "verdict"
	FieldCompensation   Field = "compensation"
	// A field-change log's row: which field of the ticket changed, and
	// its value before and after (see changeLogShape).
	FieldChangedField Field = "changed_field"
	FieldOldValue     Field = "old_value"
	FieldNewValue     Field = "new_value"
)

// ComplaintFields lists the complaint fields in display order.
var ComplaintFields = []Field{FieldExternalID, FieldOpened, FieldStatus, FieldPriority, FieldType, FieldChannel, FieldClient, FieldTier,
	FieldCategory, FieldSubcategory, FieldSubject, FieldDescription, FieldAssignee, FieldLevel, FieldRespondedAt, FieldFirstResponse,
	FieldResolvedAt, FieldResolutionTime, FieldClosedAt, FieldUpdatedAt, FieldReopens, FieldResolution, FieldVerdict, FieldCompensation, FieldChangedField, FieldOldValue, FieldNewValue}

// Known ticket layouts.
const (
	FormatZendesk    = "zendesk"
	FormatFreshdesk  = "freshdesk"
	FormatServiceNow = "servicenow"
	FormatCFPB       = "cfpb"
	FormatJira       = "jira"
	FormatGLPI       = "glpi"
	FormatRedmine    = "redmine"
	FormatIntercom   = "intercom"
	FormatTwitter    = "twitter"
)

// ComplaintFormats lists the known ticket layouts.
var ComplaintFormats = []string{FormatZendesk, FormatFreshdesk, FormatServiceNow, FormatJira, FormatGLPI, FormatRedmine, FormatIntercom,
	FormatTwitter, FormatCFPB, FormatGeneric}

// complaintLayouts are the headers each help desk writes (normalised), as
// their exports and API field lists name them.
var complaintLayouts = map[string]map[Field][]string{
	// A view exported to CSV names its columns as the view shows them:
	// "Requested" is the creation, "Solved" the solving, "Ticket status"
	// the status. The API's tickets flattened name their fields
	// ("created_at", "via.channel", "satisfaction_rating.score").
	FormatZendesk: {
		FieldExternalID: {"id"}, FieldOpened: {"created at", "requested", "created_at"}, FieldStatus: {"status", "ticket status"},
		FieldPriority: {"priority"}, FieldType: {"ticket type", "type"}, FieldChannel: {"via", "channel", "via.channel"},
		FieldClient:   {"requester", "requester name", "organization"},
		FieldCategory: {"category", "category [list]"}, FieldSubject: {"subject"}, FieldDescription: {"description"},
		FieldAssignee: {"assignee"}, FieldFirstResponse: {"first reply time in minutes"}, FieldResolvedAt: {"solved at", "solved"},
		FieldResolutionTime: {"full resolution time in minutes"}, FieldReopens: {"reopens"},
		FieldVerdict: {"satisfaction score", "satisfaction", "satisfaction_rating.score"},
	},
	// Freshdesk's "(in hrs)" durations are business hours: they cannot
	// date an event, so only its timestamps are read.
	FormatFreshdesk: {
		FieldExternalID: {"ticket id", "id"}, FieldOpened: {"created time", "created_at"}, FieldStatus: {"status"}, FieldPriority: {"priority"},
		FieldType: {"type"}, FieldChannel: {"source"},
		FieldCategory: {"category"}, FieldSubcategory: {"sub-category", "sub category", "subcategory"},
		FieldSubject: {"subject"}, FieldDescription: {"description"}, FieldAssignee: {"agent"},
		FieldRespondedAt: {"initial response time", "stats.first_responded_at"}, FieldResolvedAt: {"resolved time", "stats.resolved_at"},
		FieldClosedAt: {"closed time", "stats.closed_at"}, FieldReopens: {"stats.reopened_at"},
		FieldClient:  {"full name", "contact", "contact name", "requester name", "customer name", "company name", "requester.name"},
		FieldVerdict: {"survey results", "survey result", "satisfaction survey result", "satisfaction survey results"},
	},
	// A log of tweets (see tweetThreads): the client is the author of
	// the conversation's first tweet.
	FormatTwitter: {
		FieldExternalID: {"tweet_id"}, FieldOpened: {"created_at"}, FieldClient: {"author_id"}, FieldDescription: {"text"},
	},
	// Its list exported with column labels instead of names: "Opened",
	// "Caller", "Channel", "Resolution notes" (close_notes) beside its
	// "Resolution code" (close_code). A Customer Service case (CS…) has
	// the same labels.
	FormatServiceNow: {
		FieldExternalID: {"number"}, FieldOpened: {"opened_at", "opened"}, FieldStatus: {"incident_state", "state"},
		FieldPriority: {"priority"}, FieldCategory: {"category"}, FieldSubcategory: {"subcategory"},
		FieldSubject: {"short_description", "short description"}, FieldDescription: {"description"},
		FieldAssignee: {"assigned_to", "assigned to"}, FieldChannel: {"contact_type", "contact type"},
		FieldClient: {"caller_id", "caller", "company"}, FieldResolvedAt: {"resolved_at", "resolved"},
		FieldClosedAt: {"closed_at", "closed"}, FieldUpdatedAt: {"sys_updated_on", "sys_updated_at", "updated"},
		FieldReopens: {"reopen_count", "reopen count"}, FieldResolution: {"close_notes", "close notes", "resolution notes"},
	},
	// The CFPB has no resolution date, and "Date sent to company" is not
	// a response: neither is read. Its API and open-data portal name the
	// same columns in snake case, as do the copies of its database on
	// Kaggle ("company_response_to_consumer", "consumer_disputed?").
	// Its search API returns Elasticsearch hits: flattened to columns,
	// each field is named under "_source." ("_source.date_received").
	FormatCFPB: {
		FieldExternalID: {"complaint id", "complaint_id", "_source.complaint_id"},
		FieldOpened:     {"date received", "date_received", "_source.date_received"},
		FieldCategory:   {"product", "_source.product"}, FieldSubcategory: {"sub-product", "sub_product", "_source.sub_product"},
		FieldSubject: {"issue", "_source.issue"},
		FieldDescription: {"consumer complaint narrative", "complaint_what_happened", "consumer_complaint_narrative",
			"_source.complaint_what_happened"},
		FieldStatus:  {"company response to consumer", "company_response", "company_response_to_consumer", "_source.company_response"},
		FieldChannel: {"submitted via", "submitted_via", "_source.submitted_via"},
		FieldVerdict: {"consumer disputed", "consumer_disputed", "_source.consumer_disputed"},
	},
	// Jira Service Management's "CSV (all fields)": the reporter is the
	// customer, the request type the category. Its SLA columns hold the
	// time left on a goal, not the time taken, and are not read. In a
	// Russian UI the export names the columns in Russian; its «Срок
	// исполнения» (due date) is a deadline and is not read.
	FormatJira: {
		FieldExternalID: {"issue key", "key", "ключ задачи", "ключ"}, FieldOpened: {"created", "создано"},
		FieldStatus: {"status", "статус"}, FieldPriority: {"priority", "приоритет"}, FieldType: {"issue type", "тип задачи"},
		FieldClient: {"custom field (organizations)", "reporter", "пользовательское поле (организации)", "автор"},
		FieldCategory: {"custom field (request type)", "custom field (customer request type)", "component/s",
			"пользовательское поле (тип запроса)", "пользовательское поле (request type)", "компоненты"},
		FieldSubject: {"summary", "тема"}, FieldDescription: {"description", "описание"}, FieldAssignee: {"assignee", "исполнитель"},
		FieldResolvedAt: {"resolved", "дата решения"}, FieldResolution: {"resolution", "резолюция"},
		FieldVerdict: {"custom field (satisfaction rating)", "satisfaction rating", "пользовательское поле (satisfaction rating)"},
	},
	// GLPI's ticket list exported as CSV names a column by its group and
	// field ("Requester - Requester"). "Time to resolve" and "Time to own"
	// are the deadlines of its SLA, not times taken: they are not read.
	// In English, Russian and French, as GLPI's ru_RU and fr_FR
	// translations name them.
	FormatGLPI: {
		FieldExternalID: {"id"}, FieldOpened: {"opening date", "дата открытия", "date d'ouverture"},
		FieldUpdatedAt: {"last update", "последнее изменение", "dernière modification"}, FieldStatus: {"status", "статус", "statut"},
		FieldPriority: {"priority", "приоритет", "priorité"}, FieldType: {"type", "тип"},
		FieldChannel:  {"request source", "источник запроса", "source de la demande"},
		FieldClient:   {"requester - requester", "инициатор запроса - инициатор запроса", "demandeur - demandeur"},
		FieldAssignee: {"assigned to - technician", "назначено - специалист", "attribué à - technicien"},
		FieldCategory: {"category", "категория", "catégorie"}, FieldSubject: {"title", "заголовок", "titre"},
		FieldDescription: {"description", "описание"}, FieldResolvedAt: {"resolution date", "дата решения", "date de résolution"},
		FieldClosedAt: {"closing date", "дата закрытия", "date de clôture"}, FieldResolution: {"solution", "решение"},
		FieldVerdict: {"satisfaction", "удовлетворенность"},
	},
	// Redmine's issues CSV in English and Russian: the author asked, the
	// tracker is the type. It dates no resolution, only the closing.
	FormatRedmine: {
		FieldExternalID: {"#"}, FieldOpened: {"created", "создано", "создана"}, FieldUpdatedAt: {"updated", "обновлено"},
		FieldClosedAt: {"closed", "закрыта", "закрыто"}, FieldStatus: {"status", "статус"}, FieldPriority: {"priority", "приоритет"},
		FieldType: {"tracker", "трекер"}, FieldClient: {"author", "автор"}, FieldAssignee: {"assignee", "назначена"},
		FieldCategory: {"category", "категория"}, FieldSubject: {"subject", "тема"}, FieldDescription: {"description", "описание"},
	},
}

// complaintSkip are the columns of a layout never mapped: Redmine in
// Russian long named the due date «Дата выполнения», a register's
// words for the date a complaint was done; Freshdesk's "(in hrs)"
// durations count business hours, so added to the opening they would
// date a first response or resolution at the wrong time (its own
// timestamps are read instead, and an empty one stays unknown). Intercom
// subtracts the hours outside its office hours from every duration it
// reports, so its durations are left out alike.
var complaintSkip = map[string][]string{
	FormatRedmine: {"дата выполнения", "срок завершения", "due date", "start date", "дата начала", "начата"},
	FormatFreshdesk: {"first response time (in hrs)", "resolution time (in hrs)", "first response time (hrs)", "resolution time (hrs)",
		"due_by", "fr_due_by"}, // its API's deadlines
	// The CFPB's "Company" is the one complained about, not a client.
	FormatCFPB: {"company", "_source.company"},
	// A Zendesk view's "SLA" is the time of the next breach, a deadline.
	FormatZendesk: {"sla", "next sla breach", "due date"},
	FormatGLPI:    {"time to resolve", "time to own", "время до решения", "время владения", "temps de résolution", "temps de prise en charge"},
	FormatIntercom: {"time to first response (seconds)", "time to first response", "time to first close (seconds)",
		"time to last close (seconds)", "time to close (seconds)", "time to assignment (seconds)", "median time to reply (seconds)",
		"time to admin reply (seconds)"},
}

// foreignAliases are the plain headers of registers and exports in the
// other languages of the department's neighbours and partners:
// Ukrainian, German, Spanish. They rank after the Russian and English
// ones (see init).
var foreignAliases = map[Field][]string{
	FieldExternalID:  {"номер звернення", "номер заявки", "ticket-id", "ticket-nr.", "ticketnummer", "número", "número de ticket", "id del ticket"},
	FieldOpened:      {"дата звернення", "дата створення", "створено", "erstellt", "erstellt am", "erstellungsdatum", "fecha de creación", "creado", "fecha"},
	FieldStatus:      {"estado"},
	FieldPriority:    {"пріоритет", "priorität", "prioridad"},
	FieldType:        {"тип звернення", "typ", "ticket-typ", "tipo"},
	FieldChannel:     {"канал звернення", "quelle", "origen"},
	FieldClient:      {"клієнт", "заявник", "kunde", "anfragender", "cliente", "solicitante"},
	FieldCategory:    {"категорія", "kategorie", "categoría", "categoria"},
	FieldSubject:     {"тема звернення", "betreff", "asunto"},
	FieldDescription: {"опис", "beschreibung", "descripción"},
	FieldAssignee:    {"виконавець", "відповідальний", "bearbeiter", "zugewiesen an", "agente", "asignado a"},
	FieldResolvedAt:  {"дата вирішення", "вирішено", "gelöst am", "fecha de resolución", "resuelto el"},
	FieldClosedAt:    {"дата закриття", "закрито", "geschlossen am", "fecha de cierre"},
}

func init() {
	for f, headers := range foreignAliases {
		complaintAliases[f] = append(complaintAliases[f], headers...)
	}
}

// complaintAliases are the plain headers of registers kept by hand or
// exported from other systems, in Russian and English.
var complaintAliases = map[Field][]string{
	FieldExternalID: {"id", "№", "№ п/п", "номер", "номер обращения", "номер заявки", "номер жалобы", "номер претензии", "ticket id", "ticket", "ticket number",
		"case id", "case number", "complaint id", "external id", "external_id", "ид", "issue key", "key", "ticket#", "ticket #", "ticket no",
		"ticket no.", "conversation id", "chat id", "id тикета", "номер тикета", "id обращения", "id заявки", "номер документа", "код",
		// Redmine numbers issues under "#", ServiceDesk Plus requests,
		// YouTrack issues, Kayako its masked ids, OTRS in Russian «Заявка#».
		"#", "request id", "issue id", "ticket mask id", "заявка#",
		// TOPdesk, Pyrus.
		"incident number", "номер задачи",
		"task id",             // Asana
		"ticket ids sequence", // Odoo Helpdesk
		"item id",             // monday.com
		"card id",             // Trello
		"unique id",           // Flipkart's contact centre (on Kaggle)
		"incident ticket",     // an SLA report's export ("Incident Ticket", "Date Received", "Date Resolved")
		// City 311 open data (New York, Chicago, San Francisco, Austin),
		// process-mining event logs, BPI Challenge incident logs.
		"unique key", "sr number", "caseid", "service request (sr) number", "service request number", "service request id",
		"incident id",
		"case enquiry id",     // Boston's 311 ("case_enquiry_id")
		"bug id",              // Bugzilla
		"tracking id",         // HESK
		"uid",                 // Trudesk's reports
		"number",              // SimpleOne (INC0000101), as ServiceNow
		"ключ", "ключ задачи", // Yandex Tracker
		// Registers kept by hand number the complaint, the claim, the
		// letter received.
		"№ жалобы", "№ претензии", "№ обращения", "№ заявки", "№ рекламации", "номер рекламации", "рег. номер", "рег. №", "рег.номер", "рег.№", "№ регистрации", "регистрационный индекс", "рег. индекс",
		"регистрационный номер", "входящий номер", "вх. №", "вх. номер", "complaint no", "complaint no.", "complaint number",
		"complaint #", "case no", "case no.", "claim number", "claim no", "claim no.", "claim id", "reference number", "ref no", "ref. no",
		"complaint ref", "complaint reference", "case ref", "case reference", "ticket ref", "ticket reference", "ref", "reference",
		"reference #", // Oracle Service Cloud's incidents
		"case #", "incident #", "issue #", "request #", "ref #", "request number", "record id",
		"номер сообщения",                                           // the Gosuslugi feedback platform (ПОС)
		"call id",                                                   // a call centre's log
		"идентификатор",                                             // help desks in Russian (Zendesk's "ID")
		"incident no", "incident no.", "request no", "request no."}, // an IT department's incident log
	FieldOpened: {"дата", "дата обращения", "дата создания", "дата регистрации", "дата поступления", "дата и время", "создано", "создана", "создан", "создан(а)", "поступило",
		"дата и время создания", "дата/время создания", "время обращения", "дата/время обращения", "зарегистрировано", "зарегистрирован", "зарегистрирована",
		// The Gosuslugi feedback platform (ПОС) dates a message's arrival.
		"дата и время поступления", "дата и время обращения", "дата и время регистрации",
		"дата создания обращения", "дата создания заявки", "время создания", "дата открытия", "открыто", "opened", "opened at", "opened_at",
		"created", "created at", "created time", "created date", "created on", "create date", "creation date", "date created", "date", "date received",
		"date opened", "open date", "submitted at", "conversation started at", "started at",
		// Zendesk Explore names the attribute and its grain; Salesforce
		// reports write "Date/Time Opened".
		"ticket created - timestamp", "ticket created - date", "ticket created - date time", "date/time opened", "created date/time",
		"ticket created", "ticket creation date", "case created", // the FCC's consumer complaints ("Ticket Created")
		"dateoccurred", "date occurred", // HaloPSA's API (its tickets dumped to CSV)
		"chat start date", // a chat log, its time apart ("Chat Start Time")
		// A chat log's conversation begins and ends («Дата начала»,
		// «Дата окончания»): after every name for a creation, so a task's
		// planned start never takes the opening from «Дата создания».
		"дата начала", "время начала", "дата и время начала", "начало", "start time", "started", "chat started",
		"отметка времени", "timestamp", // a complaint form's answers (Google Forms)
		// A shop's «Книга отзывов и предложений» kept as a table.
		"дата записи", "дата внесения записи",
		// GLPI; Gorgias' API names ("created_datetime").
		"opening date", "created datetime",
		// BMC Remedy (Helix ITSM) names an incident's opening "Submit
		// Date"; Ivanti Neurons and Cherwell write "CreatedDateTime".
		"submit date", "created date time",
		// TOPdesk, SysAid, Front's message export (the conversation's
		// segment began with the client's message).
		"call date", "request time", "segment start",
		"call timestamp", "call_timestamp", // a call centre's log (Kaggle's "Call Center Data")
		"issue_reported at", "issue reported at", // Flipkart's contact centre (on Kaggle)
		// BPI Challenge incident logs; Open311's service requests;
		// Boston's 311 ("open_dt").
		"open time", "requested datetime", "open dt",
		"date submitted", "submitted date", "submitted on", // MantisBT; forms
		"date filed", "filed on", "filing date", // the NLRB's cases (a charge is filed)
		// Registers kept by hand.
		"дата жалобы", "дата претензии", "дата заявки", "дата рекламации", "дата получения", "дата приема", "дата приёма", "дата подачи",
		"дата поступления обращения", "дата поступления жалобы", "дата регистрации обращения", "дата регистрации жалобы",
		"дата обращения клиента", "date of complaint", "complaint date", "date logged", "logged on", "date reported", "reported on",
		"reported date", "received date", "date of receipt", "received on", "date raised", "raised on",
		"logged date", "reported", "reported at", "complaint received", "время поступления", "поступила", "поступил", "получено", "получена",
		"дата создания сделки", // amoCRM's lead export
		"дата документа"},      // Directum's report on appeals: the letter received
	FieldUpdatedAt: {"дата изменения", "обновлено", "изменено", "updated", "updated at", "last updated", "modified", "sys_updated_on", "last update time", "last modified date", "дата последнего изменения",
		"last update", "updated datetime",
		"last mod date time", "last modified date time", // Ivanti, Cherwell
		"date last updated", // Oracle Service Cloud
		"changed on",        // SAP Service Cloud
		// Process-mining event logs date each step ("Case ID, Activity,
		// Complete Timestamp"); Austin's 311 a request's last status.
		"complete timestamp", "event timestamp", "activity timestamp", "status change date",
		"changed",              // Bugzilla: the last change, never the opening ("Opened")
		"changetime",           // Trac (its "time" is the creation)
		"change date+time",     // the BPI Challenge 2013's incidents: each step's time
		"lastactiondate",       // HaloPSA's API
		"дата редактирования"}, // amoCRM's lead export,
	FieldResolvedAt: {"дата решения", "решено", "решена", "решен", "решён", "дата и время решения", "дата выполнения", "выполнено", "время решения", "время выполнения", "дата исполнения", "resolved", "resolved at",
		"resolved_at", "solved at", "resolution date", "date resolved", "resolved time", "resolved date",
		"last resolved date",              // BMC Remedy: the final resolution of a reopened incident
		"resolved date time",              // Ivanti's ResolvedDateTime
		"resolutiondate",                  // Jira's API (fields.resolutiondate)
		"completion date", "completed on", // SAP Service Cloud's ticket
		"last done at", // Kustomer: a conversation is done when resolved
		"resolution date/time", "resolution datetime", "date solved", "solved date", "date completed", "completed date/time",
		"done date", "fixed date", "дата фактического выполнения", "дата завершения работ",
		// A date and time in some exports, a duration in others (as
		// «время решения»): the values decide (see valuesFit).
		"resolution time",
		// Zendesk Explore's "Ticket solved - Date" is left out: a whole
		// day is coarser than its resolution time in hours. So is
		// Intercom's "Conversation first closed at": read as the
		// resolution it would put the reopens of its "Reopened" column
		// after it and end a reopened conversation at its first close;
		// its last close (closed_at) is the final resolution.
		"ticket solved - timestamp", "time to resolution",
		// TOPdesk completes an incident before it closes it; Front
		// archives a conversation when it is done.
		"completed date", "segment end",
		"completed",    // Linear: when the issue was done ("Canceled" closes it)
		"completed at", // an API's "completed_at" (Senler's dialogs)
		// Registers kept by hand.
		"дата устранения", "дата урегулирования", "дата фактического решения", "дата фактического исполнения", "фактическая дата решения",
		"resolved on", "date of resolution", "date fixed", "fixed on",
		// A housing manager's journal of residents' requests (the form
		// of Приложение 5 to Госстрой's rules № 170): the date under
		// «Отметка об исполнении».
		"отметка об исполнении дата",
		// A Scottish public body's complaints log (the SPSO's model
		// complaints handling procedure): frontline response first, an
		// investigation if the complainant escalates (see FieldLevel,
		// FieldClosedAt).
		"date closed at frontline response stage", "date closed at frontline",
		"фактическое разрешение", // Creatio's case (SolutionProvidedOn)
		// A UK complaints log: the final response ends the complaint.
		"date of final response", "final response date", "final response sent", "date final response sent"},
	// Salesforce writes "Date/Time Closed" beside a "Closed" flag (1/0):
	// the date comes first.
	FieldClosedAt: {"last close at", // Intercom's API (statistics.last_close_at)
		"завершена", "завершено", "завершен", "завершён", // Kaiten's card: when it was done
		"date/time closed", "дата закрытия", "закрыто", "закрыта", "закрыт", "закрыт(а)", "дата и время закрытия", "время закрытия", "дата завершения", "closed", "closed at", "closed_at", "close date",
		"date closed", "close time", "closed time", "closed date", "ticket closed time", "conversation last closed at",
		// GLPI, Gorgias; ServiceDesk Plus closes a request as "Completed".
		"closing date", "closed datetime", "completed time",
		"closed date time", // Ivanti, Cherwell
		"фактическая дата закрытия",
		// TOPdesk, HappyFox; Boston's 311 ("closed_dt").
		"closure date", "closed on", "closed dt",
		"dateclosed",                                                         // HaloPSA's API
		"date closed at investigation stage", "date closed at investigation", // the SPSO's model log
		"canceled", "cancelled", // Linear: when the issue was canceled (a flag elsewhere, no date: not taken)
		// A chat log: the conversation's end (see FieldOpened).
		"дата окончания", "время окончания", "дата и время окончания", "окончание", "end time", "ended", "ended at", "chat ended",
		"chat end date"}, // its time apart, as the start's
	// «Время ответа», «Время выполнения»: a time of day or a duration, as
	// «Время первого ответа» and «Время решения»: the values decide (see
	// valuesFit). A duration «выполнения» may be the effort spent, not the
	// time to a resolution: only its date is read.
	FieldRespondedAt: slices.Concat([]string{"дата первого ответа", "первый ответ", "дата ответа", "дата и время ответа", "время первого ответа",
		"время ответа", "first response at", "first reply at",
		"first contact reply at"}, // Intercom's API (statistics.first_contact_reply_at)
		// A complaints log acknowledges a complaint first (a UK one;
		// TAP's advice stages: Complaint Received, Acknowledged,
		// Reviewed, Resolved), then replies: the reply is its first
		// response unless it acknowledges first (see acknowledgedShape).
		acknowledgedHeaders, respondedHeaders, []string{
			"reply date", "replied at", "date replied", // a bot's or a mailbox's log: the answer to the message
			"issue_responded", "issue responded", // Flipkart's contact centre (on Kaggle)
			"first responded at", "responded at", "first response", "first response date", "first agent reply date", "first reply date",
			"initial response time", "first response time", "responded time",
			"date of first agent reply",                             // Deskpro
			"answered at",                                           // a call centre's log: the call picked up
			"responded date",                                        // ServiceDesk Plus
			"responsedate",                                          // HaloPSA's API
			"conversation first replied at", "first admin reply at", // Intercom
			"дата ответа клиенту", "дата первого контакта", "date of first response", "first contact date",
			"first agent response", "response date", "first contact", "first touch", "acknowledged at",
			// A Russian desk's reaction is the ticket taken into work. Not
			// «Время реакции»: a duration in some exports, the deadline its
			// SLA sets in others (Creatio's, beside «Фактическая реакция»).
			"дата реакции", "первая реакция", "дата первой реакции",
			"дата взятия в работу", "взята в работу", "взято в работу",
			"фактическая реакция"}), // Creatio's case (RespondedOn),
	// A unit in brackets is read by durationUnit.
	FieldFirstResponse: {"время первого ответа", "время реакции", "время ответа", "время ответа оператора", "first response time", "first reply time", "response time",
		"time to first response", "first response", "time to first agent reply", "time to first reply", "first reply time (min)",
		"first reply time (hrs)", "time to first response (seconds)", "time to first agent reply (hh:mm:ss)", "time to first reply (hh:mm:ss)",
		"first response time (hrs)", "first response time (in hrs)",
		"time to first agent email reply",               // HubSpot's tickets
		"customer wait time",                            // a chat log: how long the client waited for an agent
		"speed of answer", "speed of answer in seconds", // a call centre: the wait before an agent picked up
		"first response time seconds", "first response time minutes"}, // an API's "first_response_time_seconds"
	// «Срок решения» is left out: Russian service desks (SimpleOne,
	// 1C:ITIL, Naumen) name the deadline of their SLA so.
	FieldResolutionTime: {"время решения", "длительность", "resolution time", "time to resolve", "time to resolution",
		"time to close", "full resolution time", "full resolution time (hrs)", "full resolution time (min)", "time to close (seconds)",
		"time to close (hh:mm:ss)", "resolution time (hrs)", "resolution time (in hrs)",
		"chat duration"}, // a chat log: from its start to its end
	// Front's ticket status category (open, waiting, resolved) says more
	// than its conversation status (assigned, archived).
	// The BPI Challenge 2013's Volvo IT incidents: the "Sub Status" (In
	// Progress, Wait - User, Resolved, Closed) says what its "Status"
	// (Accepted, Queued, Completed) only sums up.
	FieldStatus: {"sub status", "ticket status category", "статус", "состояние", "статус обращения", "статус заявки", "стадия", "status", "state", "ticket status",
		"колонка", "column", // a kanban board's column (Kaiten), held to statuses (doubtful)
		"conversation state", "stage", "current status", "sr status",
		"conversation status", // Chatwoot
		"status reason",       // Dynamics 365's case: its status is only Active, Resolved, Cancelled
		// A process-mining event log names each step's activity.
		"activity", "activity name", "concept:name",
		"этап сделки"}, // amoCRM's lead: its stage in the pipeline,
	FieldPriority: {"приоритет", "срочность", "важность", "priority", "urgency", "ticket priority", "case priority",
		"priority level", "urgency level", "ticket urgency", "importance", "prio",
		"критичность", "уровень важности", "степень важности", "уровень критичности", "severity", "severity level"},
	// Zoho Desk's "Classification" holds Problem, Question, Request,
	// Feature: a type, not a category.
	FieldType: {"тип", "тип обращения", "вид обращения", "вид", "тип заявки", "тип запроса", "type", "ticket type", "issue type", "issuetype", "request type",
		"classification", "case type", "call type", // TOPdesk
		// Redmine's tracker: Bug, Feature, Support («Ошибка», «Улучшение»).
		"tracker", "трекер",
		// A feedback log sorts what came in: Complaint, Compliment,
		// Suggestion («Жалоба», «Благодарность», «Предложение»).
		"feedback type", "type of feedback", "тип отзыва", "вид отзыва", "тип обратной связи"},
	FieldChannel: {"канал", "канал обращения", "канал поступления",
		"способ доставки", // a register of appeals: post, visit, web reception (its «Форма обращения» says written or oral)
		"источник", "channel", "source", "via", "ticket channel", "case origin",
		"origin", "request source", "mode", // GLPI; ServiceDesk Plus
		"channel_name", "channel name",
		"create channel", "entry type", "способ обращения", // Zammad, TOPdesk, Naumen
		"contact type",                   // SimpleOne, as ServiceNow
		"reported source", "call source", // BMC Remedy, Cherwell
		"channels", // Kustomer: a conversation's channels, the first one it came by
		"communication channel", "inbound channel", "origin channel", "via channel", "ticket source", "medium",
		"канал коммуникации", "тип канала", "способ связи",
		// City 311 open data (New York, Austin), the CFPB's snake case,
		// Comcast's complaints on Kaggle.
		"open data channel type", "method received", "submitted via", "received via", "channel type",
		"источник обращения", "способ поступления", "канал связи", "способ подачи", "форма обращения", "received by", "how received",
		"contact method", "method of contact", "complaint channel", "source of complaint",
		"channel received", "contact channel", "source channel", "how contacted", "канал получения",
		"происхождение"}, // Creatio's case (Origin),
	// The client's tier where the export carries it: Zendesk's
	// organization field ("Org Tier", "Organization Tier"), Freshdesk's
	// company field ("Company tier"), a CRM's account tier, a register's
	// VIP flag («VIP»: да/нет). Each is read only when its values are
	// tiers (tierLike); see parseTier for the values the app knows.
	FieldTier: {"сегмент", "сегмент клиента", "категория клиента", "уровень клиента", "tier", "client tier", "customer tier", "segment",
		"org tier", "organization tier", "organisation tier", "company tier", "account tier", "customer segment", "client segment",
		"vip", "vip client", "vip customer", "vip клиент", "vip-клиент", "клиент vip", "вип", "вип клиент", "вип-клиент"},
	// Directum's report on appeals names the applicant «Корреспондент,
	// ФИО корреспондента» beside a «ФИО», the employee who holds the
	// letter: the whole name comes first.
	FieldClient: {"корреспондент, фио корреспондента", "фио корреспондента", "клиент", "заявитель", "фио", "фио клиента", "имя клиента", "контрагент", "компания", "организация", "client", "customer",
		"customer name", "client name", "requester", "contact", "contact name", "person", "reporter", "customer user", "customer id", "organization",
		"посетитель", "имя посетителя", "visitor", "visitor name", // a chat log: the site's visitor
		"пользователь",                                         // Omnidesk: the client who wrote
		"ваше имя", "ваше фио", "ваши фио", "имя", "your name", // a complaint form asks the client
		"полное имя",                               // Freshdesk in Russian ("Full name")
		"запрашивающий",                            // Zendesk in Russian ("Requester")
		"reported by", "raised by", "requested by", // an incident log: who asked
		"account id",
		"associated company", "associated contact", "account name",
		// osTicket's sender, Redmine's author (the one who asked), Kayako.
		"from", "author", "автор", "full name", "requester name",
		"caller", "request user", // TOPdesk, SysAid
		"customer display name", "profile full name", // Cherwell, Ivanti
		// The client's company, where the export has no person beside it
		// (a person's column ranks first when there is one).
		"company", "company name", "client company", "account", "organisation", "requester organization", "end user", "юрлицо",
		"requestors", "requestor", // Request Tracker
		"submitter", "submitted by", "creator", // Jitbit, Spiceworks
		"постановщик", // Bitrix24's tasks: who set the task
		"инициатор",   // a desk's request raised by someone («Инициатор запроса» in GLPI)
		"name",        // HESK names the customer so; a ticket's own name is its subject ("Ticket name")
		// Registers of shops, clinics, hotels, utilities.
		"покупатель", "заказчик", "абонент", "потребитель", "пациент", "гость", "контактное лицо", "наименование клиента",
		"наименование контрагента", "buyer", "consumer", "complainant", "patient", "guest",
		"complainant's name", "complainant name", "name of complainant",
		// Registers of appeals in document-management systems: the
		// letter's correspondent («Корреспондент» in 1С:Документооборот
		// and «Дело»), the applicant's name.
		"адрес и фамилия нанимателя", "наниматель", // a housing manager's journal (see FieldResolvedAt)
		"корреспондент", "фио заявителя", "ф.и.о.", "ф.и.о. заявителя", "автор обращения", "заявитель (корреспондент)"},
	FieldSubcategory: {"подкатегория", "подтема", "subcategory", "sub-category", "sub category",
		"descriptor",  // New York's 311 under its complaint type
		"category 2"}, // HaloPSA's API
	// «Тема» is the subject line in Okdesk, Usedesk, Omnidesk and
	// Bitrix24, not a category.
	FieldCategory: {"категория", "тематика", "категория обращения", "тема обращения", "причина обращения", "category", "topic",
		"ticket category", "reason", "queue", "очередь", "case reason", "conversation topic", "help topic",
		"service category",              // SAP Service Cloud's ticket
		"filedagainst", "filed against", // IBM's IT help desk sample: Systems, Software, Access/Login
		"problem type", "contact reason", "reason for contact", "subject category", "тип проблемы",
		// City 311 open data: New York's complaint type, Chicago's and
		// Austin's service request type.
		"complaint type", "sr type", "sr description", "service name", "service request type",
		// Registers kept by hand.
		"вид жалобы", "вид претензии", "причина жалобы", "причина претензии", "тема жалобы", "тема претензии", "категория жалобы",
		"категория претензии", "характер жалобы", "характер претензии", "nature of complaint", "complaint category", "complaint reason",
		"reason for complaint", "nature of the complaint",
		// A register filed by what was sold: "Product", «Услуга».
		"product", "product line", "продукт", "услуга", "товар", "product/service", "product / service", "product or service",
		// Registers of appeals: the question of the thematic classifier
		// the appeal raises (ССТУ.РФ reports by it).
		"вопрос", "тематика обращения", "характер обращения", "тематика вопроса", "вопрос обращения",
		"issue category", "case category", "request category", "problem category",
		"category 1", // HaloPSA's API ("category_1", its first level)
		"воронка"},   // amoCRM's pipeline: appeals kept apart by kind («Жалобы», «Возвраты»),
	// Boston's 311 names the department "subject" beside its
	// "case_title": the title comes first.
	FieldSubject: {"case title", "тема", "заголовок", "краткое описание", "суть", "тема письма", "тема тикета", "тема заявки", "название", "subject", "summary",
		"title", "short description", "brief description", "ticket name", "ticket title", "ticket subject",
		"name", "task name", // a task list's item (Asana, Notion), when the column is no client's (see doubtful)
		"card name",          // Trello
		"customer complaint", // Comcast's complaints on Kaggle: the client's own title
		"issue", "проблема",  // a register's one-line "Issue" beside its "Details"
		"неисправность или повреждение", "неисправность", // a housing manager's journal
		// A register of appeals sums each letter up in a line («Краткое
		// содержание» in 1С:Документооборот, «Дело», Directum).
		"краткое содержание", "краткое содержание обращения", "содержание (кратко)",
		"краткое содержание обращения гражданина",         // МЧС's journal of personal reception
		"название сделки",                                 // amoCRM's lead, an appeal filed as a deal
		"что случилось", "что произошло", "what happened", // a complaint form's question
		"предмет"}, // a claims register's «Предмет претензии»
	FieldDescription: {"описание", "текст", "текст обращения", "содержание", "суть обращения", "комментарий", "description", "details", "text", "comment",
		"task content",                                                      // ClickUp
		"первое сообщение", "сообщение", "first message", "initial message", // a chat log: what the client wrote first
		"comments",
		"customer remarks",                 // Flipkart's contact centre (on Kaggle)
		"жалоба", "претензия", "complaint", // a register's column of what the client said
		"вопрос", "question", "текст вопроса", // a shop's questions from buyers (a category of appeals when its cells are headings)
		"содержание жалобы или предложения", "содержание отзыва", "содержание отзыва или предложения", "отзыв (жалоба, предложение)",
		"отзыв, жалоба, предложение",
		"message", "body", // HESK, Jitbit
		"текст сообщения", // the Gosuslugi feedback platform (ПОС)
		"суть жалобы", "суть претензии", "суть проблемы", "содержание жалобы", "содержание претензии", "содержание обращения",
		"текст жалобы", "текст претензии", "complaint details", "details of complaint", "complaint text", "issue details",
		"allegations", "allegation", // the NLRB's cases: what the charge alleges
		"symptom"}, // Ivanti: what the client reports
	FieldAssignee: {"ответственный", "исполнитель", "сотрудник", "агент", "специалист", "менеджер", "assignee", "assigned to", "agent", "owner",
		"responsible", "ticket owner", "teammate assigned", "assigned agent",
		"itowner", "it owner", // IBM's IT help desk sample
		"case owner", "teammate currently assigned", "assignee name",
		// osTicket, Redmine in Russian, ServiceDesk Plus, Gorgias.
		"agent assigned", "назначена", "technician", "assignee user", "operator", // TOPdesk
		"resource", "org:resource", // who did a step of a process-mining event log
		"assigned user", "кому назначено", // SimpleOne
		"owned by",         // Cherwell
		"person", "people", // monday.com's people column
		"assignees",      // ClickUp: "[Anna Lee, Ivan Petrov]"
		"tech",           // SolarWinds Web Help Desk
		"processor",      // SAP Service Cloud's ticket
		"assigned users", // Kustomer's conversations (assignedUsers)
		"support agent", "owner name", "case owner name", "assigned to user", "agent email", "rep", "csr",
		"специалист поддержки", "сотрудник поддержки",
		"назначенный пользователь", "назначенный сотрудник", "назначенный исполнитель",
		"agent name",       // Chatwoot's conversation report
		"owner first name", // the BPI Challenge 2013's incidents: who owned the step
		"расписка работавшего", // a housing manager's journal: the worker who did it signs
		"оператор", "кто принял", "принял", "обработал", "handled by", "resolved by", "responsible person",
		"staff member responsible", "staff member", // the SPSO's model log
		"handler", "complaint handler", "case handler",
		"назначенный", "назначено", "назначен", // help desks in Russian ("Assignee", "Assigned to")
		"responded by", "ответил", "кто ответил", // a feedback log: who answered the client
		"action by", "action owner", "received by"}, // an ISO 9001 complaints register: who acts, who took it
	FieldReopens: {"переоткрытия", "повторные открытия", "число переоткрытий", "reopens", "reopen count", "reopened", "number of reopen",
		"number of reopens", "reopen time", "reopened at", "дата переоткрытия"},
	FieldResolution: {"решение", "результат", "итог", "результат рассмотрения", "resolution", "resolution summary", "outcome",
		"close notes", "closure notes", "closure code", "resolution code", "close code", "резолюция", // Yandex Tracker
		"resolution description", "status notes", // New York's and San Francisco's 311
		"closure reason",  // Boston's 311
		"resolution type", // Senler's dialogs ("solved")
		"reason closed",   // the NLRB's cases ("Withdrawal Adjusted", "Settlement")
		"принятые меры", "предпринятые меры", "меры", "принятое решение", "ответ клиенту", "текст ответа", "ответ", "action taken",
		"actions taken", "corrective action",
		"outcome at frontline response stage", "action taken and outcome at frontline response stage", // the SPSO's model log
		"текст пояснения",                       // a city's appeal bot: the explanation given
		"причина закрытия",                      // Creatio's closure code
		"response", "our response", "наш ответ", // a feedback log: what the client was told
		"resolution notes", "resolution note", "solution notes", // an incident log
		"отметка о принятых мерах", "принятые меры по отзыву"}, // a shop's book of reviews: what was done
	FieldVerdict: {"оценка клиента", "удовлетворенность", "удовлетворённость", "отзыв клиента", "оценка", "satisfaction", "verdict", "csat",
		"satisfaction rating", "rating", "conversation rating", "chat rating", "rate", "customer satisfaction rating", "happiness rating",
		"satisfaction survey score", "customer rating", "user satisfaction", "customer satisfaction",
		// Registers ask it as a question: «Клиент доволен?», "Customer satisfied?".
		"клиент доволен", "доволен ли клиент", "клиент удовлетворен", "клиент удовлетворён", "доволен", "удовлетворен", "удовлетворён",
		"оценка обслуживания", "оценка качества", "оценка качества обслуживания", "оценка сервиса", "customer satisfied", "client satisfied",
		"satisfied", "customer happy", "csat score", "csat rating", // Helpshift, Dixa (csat_rating)
		"уровень удовлетворенности", "уровень удовлетворённости", // Creatio's case
		"оценка ответа", "оценка заявителя", // the Gosuslugi feedback platform: the citizen rates the answer
		"survey result", "survey results", "результаты опроса", "результат опроса"}, // Freshdesk's satisfaction survey
	// Registers keep escalation as a flag («Эскалация»: да/нет), the
	// line or person it went to, or its date (see parseLevel).
	FieldLevel: {"эскалация", "уровень эскалации", "эскалировано", "эскалирована", "эскалирован", "дата эскалации", "линия",
		"линия поддержки", "уровень поддержки", "линия обработки", "передано на", "escalation", "escalation level", "escalated",
		"escalated to", "escalation date", "date escalated", "is escalated", "isescalated", "support level", "support line",
		"date investigation stage initiated", "date investigation initiated"}, // the SPSO's model log: stage 2 begins
	FieldCompensation: {"компенсация", "сумма компенсации", "возмещение", "сумма возмещения", "compensation", "refund", "refund amount",
		"compensation amount", "сумма возврата", "возврат", "возврат средств", "выплата", "сумма выплаты", "credit", "credit amount", "goodwill"},
}

// complaintContains recognise longer headers by a telling word.
var complaintContains = map[Field][]string{
	// "Case status", «Состояние заявки», «Статус выполнения»: held to
	// statuses by the schema's fits, as a US address's "State" is not one.
	FieldStatus:      {"статус", "status", "состояни", "стади", "state"},
	FieldDescription: {"описан", "description", "опиши", "describe"}, // a form's «Опишите проблему», "Please describe…"
	// "Issue Summary", "Case Subject", "Email subject line".
	FieldSubject: {"subject", "summary"},
	// "Compensation Paid", «Сумма компенсации клиенту».
	FieldCompensation: {"compensation", "компенсац"},
	// A form asks it: "How satisfied are you with our response?",
	// «Вы удовлетворены решением?».
	FieldVerdict:  {"satisf", "удовлетвор", "доволь"},
	FieldAssignee: {"ответственн", "исполнител"},
	FieldClient:   {"клиент", "customer", "фио", "фамилия, имя", "фамилия имя", "фамилия и инициалы"},
}

// complaintOrder picks columns: dates before the loose text rules, the
// client tier before the client (so "категория клиента" is not a client),
// the subcategory before the category.
var complaintOrder = []Field{FieldExternalID, FieldOpened, FieldUpdatedAt, FieldResolvedAt, FieldClosedAt, FieldRespondedAt,
	FieldFirstResponse, FieldResolutionTime, FieldStatus, FieldPriority, FieldType, FieldChannel, FieldTier, FieldClient,
	FieldSubcategory, FieldCategory, FieldSubject, FieldDescription, FieldAssignee, FieldLevel, FieldReopens, FieldResolution, FieldVerdict,
	FieldCompensation}

var complaintSchema = &schema{
	kind:     "complaints",
	order:    complaintOrder,
	fields:   ComplaintFields,
	aliases:  complaintAliases,
	contains: complaintContains,
	layouts:  complaintLayouts,
	skip:     complaintSkip,
	dates:    []Field{FieldOpened, FieldUpdatedAt, FieldResolvedAt, FieldClosedAt, FieldRespondedAt},
	detect:   detectTicketFormat,
	// A US register's "State" is the client's address (the CFPB's on
	// Kaggle): a status column only when it holds statuses.
	// «Вопрос» is the classifier's question an appeal raises in a
	// register of appeals, but the client's own question in a log of
	// questions and answers: a category only when its values read as
	// one.
	// A tier column is read only when it holds tiers, not a client's
	// name, an e-mail or a sentence (tierLike).
	// A UK complaints log's "Stage" (Stage 1, Stage 2) is how far the
	// complaint went, not its status.
	doubtful: map[Field][]string{FieldStatus: {"state", "sub status", "stage", "стадия", "колонка", "column"}, FieldCategory: {"вопрос"}, FieldTier: complaintAliases[FieldTier],
		// "Received by" names how a complaint came in, or who took it.
		FieldChannel: {"received by"},
		// "Name" is HESK's customer, but the item of a task list
		// (Asana, Notion): «Late delivery» is no client.
		FieldClient: {"name"},
		// "Comments" is what the client wrote, or how many comments
		// there are (GitHub's issues).
		FieldDescription: {"comments"}},
	fits: map[Field]func(string) bool{FieldStatus: statusLike, FieldCategory: categoryLike, FieldTier: tierLike, FieldVerdict: verdictLike,
		FieldChannel: channelLike, FieldClient: func(s string) bool { return !titleLike(s) }, FieldDescription: hasLetter},
	reshape: func(p *plan, opt Options) {
		changeLogShape(p, opt)
		appealRegisterShape(p, opt)
		callLogShape(p, opt)
		acknowledgedShape(p, opt)
	},
}

// appealDeadlines name the due date of an appeal (its «Срок исполнения»
// or «Контрольный срок»), never read as a date it reached: a file with
// one, or with a result of consideration, is a register of appeals.
var appealDeadlines = []string{"срок исполнения", "контрольный срок", "срок рассмотрения", "срок ответа", "плановый срок", "срок исполнения (план)"}

// appealNumbers are the headers of an appeal's registration number.
var appealNumbers = []string{"регистрационный номер", "рег. №", "рег. номер", "рег.номер", "рег.№", "№ регистрации", "регистрационный индекс", "рег. индекс",
	"входящий номер", "вх. №", "вх. номер"}

// appealAnswerDates are the headers of the date an appeal was answered.
var appealAnswerDates = []string{"дата ответа", "дата ответа заявителю", "дата направления ответа", "дата отправки ответа", "дата и время ответа"}

// appealRegisterShape reads a register of appeals (59-ФЗ; 1С:Документооборот,
// «Дело», Directum): its answer is the decision that ends the appeal's
// consideration, so «Дата ответа» dates the resolution, not a first reply,
// unless a column dates the resolution already or the user chose.
func appealRegisterShape(p *plan, opt Options) {
	if _, ok := p.mapping[FieldExternalID]; !ok && opt.Mapping[FieldExternalID] == "" {
		// «№ п/п» numbers the rows and is no id (see rowCounter): the
		// registration number beside it is.
		used := p.mappedColumns()
		if i := exactColumn(p.cols, used, appealNumbers); i >= 0 {
			p.mapping[FieldExternalID] = i
			// Rows are told apart by that number, not by their content.
			p.warnings = slices.DeleteFunc(p.warnings, func(m Message) bool { return m.Code == warnRowNumbers })
		}
	}
	register := false
	for _, c := range p.cols {
		n := spaced(c.norm)
		register = register || slices.Contains(appealDeadlines, n) || strings.HasPrefix(n, "результат рассмотрения")
	}
	i, ok := p.mapping[FieldRespondedAt]
	if _, resolved := p.mapping[FieldResolvedAt]; !register || !ok || resolved || !slices.Contains(appealAnswerDates, spaced(p.cols[i].norm)) {
		return
	}
	if _, chosen := opt.Mapping[FieldRespondedAt]; chosen {
		return
	}
	if _, chosen := opt.Mapping[FieldResolvedAt]; chosen {
		return
	}
	delete(p.mapping, FieldRespondedAt)
	p.mapping[FieldResolvedAt] = i
}

// acknowledgedHeaders name a complaints log's acknowledgement of a
// complaint, its first response.
var acknowledgedHeaders = []string{"date acknowledged", "acknowledged", "acknowledged on", "date of acknowledgement", "acknowledgement date",
	"acknowledgement sent"}

// respondedHeaders name the date a complaint was responded to.
var respondedHeaders = []string{"date responded", "responded on", "date of response"}

// acknowledgedShape reads a log that acknowledges a complaint before it
// responds ("Date Acknowledged", then "Date Responded"): the response
// there is the final one, the resolution; the acknowledgement the first
// response. Left alone, the response was not read at all.
func acknowledgedShape(p *plan, opt Options) {
	_, resolved := p.mapping[FieldResolvedAt]
	_, chosen := opt.Mapping[FieldResolvedAt]
	if resolved || chosen {
		return
	}
	used := p.mappedColumns()
	ack := exactColumn(p.cols, nil, acknowledgedHeaders)
	resp := exactColumn(p.cols, nil, respondedHeaders)
	if ack < 0 || resp < 0 || p.mappedByUser(opt, resp) {
		return
	}
	if i, ok := p.mapping[FieldRespondedAt]; !ok && !used[ack] {
		p.mapping[FieldRespondedAt] = ack
	} else if ok && i != ack {
		return
	}
	p.unmap(resp)
	p.mapping[FieldResolvedAt] = resp
}

// statusLike reports whether a cell reads as a status of some help desk.
func statusLike(s string) bool {
	s = strings.TrimSpace(s)
	if _, ok := parseStatus(s); ok || notAppeal(s) || slices.Contains(liveAgentNotAppeals, s) {
		return true
	}
	_, ok := liveAgentStatuses[s]
	return ok
}

// categoryLike reports whether a cell reads as a category, a heading
// («0003.0008.0086 Тарифы», «Качество обслуживания»), not a question
// asked in words.
func categoryLike(s string) bool {
	s = strings.TrimSpace(s)
	return !strings.Contains(s, "?") && utf8.RuneCountInString(s) <= 100
}

// detectTicketFormat recognises a help desk export from its headers.
func detectTicketFormat(cols []column, _ int) string {
	switch {
	case hasHeader(cols, "complaint id", "complaint_id", "_source.complaint_id") && hasHeader(cols, "date received", "date_received", "_source.date_received") &&
		hasHeader(cols, "company response to consumer", "company_response", "company_response_to_consumer", "_source.company_response"):
		return FormatCFPB
	case hasHeader(cols, "issue key", "ключ задачи") && hasHeader(cols, "created", "создано") &&
		hasHeader(cols, "summary", "issue type", "тип задачи"):
		return FormatJira
	case hasHeader(cols, "number") && hasHeader(cols, "opened_at", "opened", "sys_updated_on", "sys_updated_at") &&
		hasHeader(cols, "short_description", "short description", "incident_state", "state", "caller_id", "assignment_group", "assigned_to"):
		return FormatServiceNow
	case hasHeader(cols, "#") && hasHeader(cols, "tracker", "трекер") && hasHeader(cols, "subject", "тема"):
		return FormatRedmine
	case hasHeader(cols, "opening date", "дата открытия", "date d'ouverture") && hasHeader(cols, "time to resolve", "time to own",
		"requester - requester", "assigned to - technician", "время до решения", "время владения", "инициатор запроса - инициатор запроса",
		"назначено - специалист", "temps de résolution", "temps de prise en charge", "demandeur - demandeur", "attribué à - technicien"):
		return FormatGLPI
	case hasHeader(cols, "ticket id") && hasHeader(cols, "created time", "due by time"):
		return FormatFreshdesk
	// Freshdesk's API names its tickets' deadlines "due_by" and
	// "fr_due_by" (Zendesk's "due_at").
	case hasHeader(cols, "id") && hasHeader(cols, "created_at") && hasHeader(cols, "due_by", "fr_due_by"):
		return FormatFreshdesk
	case hasHeader(cols, "id") && hasHeader(cols, "requested") && hasHeader(cols, "requester", "ticket status", "requester updated"):
		return FormatZendesk
	case hasHeader(cols, "id") && hasHeader(cols, "created_at") && hasHeader(cols, "via.channel", "satisfaction_rating.score", "submitter_id"):
		return FormatZendesk
	case hasHeader(cols, "tweet_id") && hasHeader(cols, "inbound") && hasHeader(cols, "in_response_to_tweet_id"):
		return FormatTwitter
	case hasHeader(cols, "conversation id") && hasHeader(cols, "conversation started at", "conversation created at"):
		return FormatIntercom
	case hasHeader(cols, "id") && hasHeader(cols, "created at") && hasHeader(cols, "requester", "via", "solved at", "ticket type", "assignee"):
		return FormatZendesk
	}
	return FormatGeneric
}

// unitWords are the words of a header that say what its numbers count.
var unitWords = map[string]durationScale{
	"ms": unitMillis, "msec": unitMillis, "millis": unitMillis, "milliseconds": unitMillis, "мс": unitMillis,
	"sec": unitSeconds, "secs": unitSeconds, "seconds": unitSeconds, "сек": unitSeconds, "секунд": unitSeconds, "секунды": unitSeconds,
	"min": unitMinutes, "mins": unitMinutes, "minutes": unitMinutes, "мин": unitMinutes, "минут": unitMinutes, "минуты": unitMinutes,
	"hr": unitHours, "hrs": unitHours, "hours": unitHours, "ч": unitHours, "час": unitHours, "часов": unitHours, "часы": unitHours,
	"days": unitDays, "дн": unitDays, "дней": unitDays, "дни": unitDays, "суток": unitDays, "сутки": unitDays,
}

// durationUnit is what a bare number in a duration column counts, read
// from its header: Zendesk writes minutes, most registers hours.
func durationUnit(header string) durationScale {
	h := strings.ToLower(header)
	// A unit's word: "(in secs)" (Freshchat), "(mins)", "wait_sec". "ms"
	// and "min" only last ("time_to_close_ms", "Reaction (min)"): "Reply
	// time via MS Teams" counts no milliseconds, "Min reply time" no
	// minutes.
	words := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) })
	for k, w := range words {
		if u, ok := unitWords[w]; ok && (w != "ms" && w != "min" || k == len(words)-1) {
			return u
		}
	}
	switch {
	case strings.Contains(h, "minute") || strings.Contains(h, "(min") || strings.Contains(h, "мин"):
		return unitMinutes
	case strings.Contains(h, "second") || strings.Contains(h, "(sec") || strings.Contains(h, "сек"):
		return unitSeconds
	case strings.Contains(h, "days") || strings.Contains(h, "(дн") || strings.Contains(h, "дней") || strings.Contains(h, "сутк"):
		return unitDays
	}
	return unitHours
}
