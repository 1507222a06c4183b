package importer

import "fmt"

// reason is the translation key of why a cell or row was rejected; its
// English text is in reasonText.
type reason string

// Reject reasons. The keys are in assets/translations/importer.*.json.
const (
	reasonScoreRange     reason = "import.reject.score_range"
	reasonScoreFraction  reason = "import.reject.score_fraction"
	reasonScoreAmbiguous reason = "import.reject.score_ambiguous"
	reasonNotScore       reason = "import.reject.not_score"
	reasonNotDate        reason = "import.reject.not_date"
	reasonDateOrder      reason = "import.reject.date_order"
	reasonImpossibleDate reason = "import.reject.impossible_date"
	reasonDateMissing    reason = "import.reject.date_missing"
	reasonDateRange      reason = "import.reject.date_range"
	reasonFieldCount     reason = "import.reject.field_count"
	reasonBadQuote       reason = "import.reject.bad_quote"
	reasonUnclosedQuote  reason = "import.reject.unclosed_quote"
	reasonTooLong        reason = "import.reject.too_long"
	reasonChannel        reason = "import.reject.channel"
	reasonInvalid        reason = "import.reject.invalid"
	reasonStatus         reason = "import.reject.status"
	reasonPriority       reason = "import.reject.priority"
	reasonDuration       reason = "import.reject.duration"
	reasonCount          reason = "import.reject.count"
	reasonAmount         reason = "import.reject.amount"
	reasonBeforeOpened   reason = "import.reject.before_opened"
	reasonFutureDate     reason = "import.reject.future_date"
	reasonUnknownZone    reason = "import.reject.unknown_zone"
	reasonAmbiguousZone  reason = "import.reject.ambiguous_zone"
	reasonIDMissing      reason = "import.reject.id_missing"
)

// reasonText is the English text of each reason, with fmt verbs for the
// arguments in reasonArgs order.
var reasonText = map[reason]string{
	reasonScoreRange:     "score must be 0 to 10",
	reasonScoreFraction:  "score must be a whole number",
	reasonScoreAmbiguous: "several numbers: which is the score is unclear",
	reasonNotScore:       "not a score",
	reasonNotDate:        "not a recognised date",
	reasonDateOrder:      "day and month order unknown",
	reasonImpossibleDate: "impossible date",
	reasonDateMissing:    "date is missing",
	reasonDateRange:      "date must be between 1990 and 2100",
	reasonFieldCount:     "row has %d fields, the header has %d",
	reasonBadQuote:       "malformed row: %s",
	reasonUnclosedQuote:  "malformed row spanning lines %d-%d: %s",
	reasonTooLong:        "longer than %d characters",
	reasonChannel:        "unknown channel",
	reasonInvalid:        "%s",
	reasonStatus:         "unknown status",
	reasonPriority:       "unknown priority",
	reasonDuration:       "not a duration",
	reasonCount:          "not a whole number",
	reasonAmount:         "not an amount of money",
	reasonBeforeOpened:   "earlier than the opening date",
	reasonFutureDate:     "more than a day after the import: cannot have happened yet",
	reasonUnknownZone:    "unknown time zone",
	reasonAmbiguousZone:  "the time zone's abbreviation names several zones (CST, IST, BST): an offset such as -06:00 or a zone name is needed",
	reasonIDMissing:      "the ticket number is missing",
}

// reasonArgs names the template arguments of each reason, in the order of
// the fmt verbs of its English text.
var reasonArgs = map[reason][]string{
	reasonFieldCount:    {"Got", "Want"},
	reasonBadQuote:      {"Error"},
	reasonUnclosedQuote: {"From", "To", "Error"},
	reasonTooLong:       {"Max"},
	reasonInvalid:       {"Message"},
}

// msg builds the message of a reason; args follow reasonArgs.
func (r reason) msg(args ...any) Message {
	m := Message{Code: string(r), Text: reasonText[r]}
	if names := reasonArgs[r]; len(names) > 0 {
		m.Args = make(map[string]any, len(names))
		for i, n := range names {
			if i < len(args) {
				m.Args[n] = args[i]
			}
		}
		m.Text = fmt.Sprintf(m.Text, args...)
	}
	return m
}

// Warning keys of Preview.Warnings and Result.Warnings.
const (
	warnEncodingGuess     = "import.warning.encoding_guess"
	warnEncodingMixed     = "import.warning.encoding_mixed"
	warnUTF16NoBOM        = "import.warning.utf16_no_bom"
	warnNoScoreColumn     = "import.warning.no_score_column"
	warnScoreColumnEmpty  = "import.warning.score_column_empty"
	warnRejectsFile       = "import.warning.rejects_file"
	warnTitleSkipped      = "import.warning.title_skipped"
	warnSectionsSkipped   = "import.warning.sections_skipped"
	warnSectionsJoined    = "import.warning.sections_joined"
	warnOpenedFromIDs     = "import.warning.opened_from_ids"
	warnMergedFilled      = "import.warning.merged_filled"
	warnSummarySkipped    = "import.warning.summary_skipped"
	warnFooterSkipped     = "import.warning.footer_skipped"
	warnDuplicateColumns  = "import.warning.duplicate_columns"
	warnSegmentNoClient   = "import.warning.segment_without_client"
	warnTextsCut          = "import.warning.texts_cut"
	warnNotAppeal         = "import.warning.not_appeal"
	warnMoreNotAppeals    = "import.warning.more_not_appeals"
	warnCallLog           = "import.warning.call_log"
	warnOutboundCall      = "import.warning.outbound_call"
	warnMoreOutboundCalls = "import.warning.more_outbound_calls"
	warnTweetLog          = "import.warning.tweet_log"
	warnTweetsPassed      = "import.warning.tweets_passed"
	warnNoStatus          = "import.warning.no_status"
	warnNoStatusDated     = "import.warning.no_status_dated"
	warnNoType            = "import.warning.no_type"
	warnNoResolutionTime  = "import.warning.no_resolution_time"
	warnEventLog          = "import.warning.event_log"
	warnSysIDs            = "import.warning.sys_ids"
	warnRowNumbers        = "import.warning.row_numbers"
	warnSharedIDs         = "import.warning.shared_ids"
	warnTestResponse      = "import.warning.test_response"
	warnMoreTests         = "import.warning.more_test_responses"
	warnStarRatings       = "import.warning.star_ratings"
	warnScaleMapped       = "import.warning.scale_mapped"
	warnRatingMapped      = "import.warning.rating_mapped"
	warnReviewRating      = "import.warning.review_rating"
	warnDateByValues      = "import.warning.date_by_values"
	warnScoreByValues     = "import.warning.score_by_values"
	warnCommentByValues   = "import.warning.comment_by_values"
	warnStatusByValues    = "import.warning.status_by_values"
	warnStatusFlag        = "import.warning.status_flag"
	warnChangeLog         = "import.warning.change_log"
	warnOpenedByChange    = "import.warning.opened_by_change"
	warnOtherChanges      = "import.warning.other_changes"
	warnOtherSheets       = "import.warning.other_sheets"
	warnOtherMetric       = "import.warning.other_metric"
	warnSurveyType        = "import.warning.survey_type"
	warnScoreFrom1        = "import.warning.score_from_1"
	warnLongAnswers       = "import.warning.long_answers"

	// warnCompensationInKind counts the complaints whose compensation
	// was given in kind.
	warnCompensationInKind = "import.warning.compensation_in_kind"

	// warnFreshdeskCustom names the Freshdesk custom status numbers read
	// as in progress.
	warnFreshdeskCustom = "import.warning.freshdesk_custom_status"
	// warnBBBStatuses tells how the BBB's closing statuses were read.
	warnBBBStatuses = "import.warning.bbb_statuses"
	// warnCaseStateNumbers counts the ServiceNow case rows refused for a
	// state number.
	warnCaseStateNumbers = "import.warning.servicenow_case_states"
)

// Error keys of MessageError.
const (
	errHTMLPage             = "import.error.html_page"
	errOldExcel             = "import.error.old_excel"
	errDamagedXLS           = "import.error.damaged_xls"
	errDamagedODS           = "import.error.damaged_ods"
	errDamagedJSON          = "import.error.damaged_json"
	errDamagedSpreadsheetML = "import.error.damaged_spreadsheetml"
	errJSONNoRecordsKey     = "import.error.json_no_records"
	errPDF                  = "import.error.pdf"
	errNoSheet              = "import.error.no_sheet"
	errFutureFileDate       = "import.error.future_file_date"
	errAnswerCodes          = "import.error.answer_codes"
	errStarRatings          = "import.error.star_ratings"
	errScaleRatings         = "import.error.scale_ratings"
	errReviewRatings        = "import.error.review_ratings"
	errOtherMetric          = "import.error.other_metric"
	errSurveyType           = "import.error.survey_type"
	errSurveyAnswers        = "import.error.survey_answers"
	errLongAnswers          = "import.error.long_answers"
	errLongQuestions        = "import.error.long_questions"
	errTicketExport         = "import.error.ticket_export"
	errSLARecords           = "import.error.sla_records"
	errChangeDate           = "import.error.change_date"
	errTooManyColumns       = "import.error.too_many_columns"
	errBadWorkbook          = "import.error.bad_workbook"
	errEncrypted            = "import.error.encrypted"
	errArchive              = "import.error.archive"
	errEmptyFile            = "import.error.empty_file"
	errNoRows               = "import.error.no_rows"
	errInFile               = "import.error.in_file"
	errNoFile               = "import.error.no_file"
	errNoAccess             = "import.error.no_access"
	errIsFolder             = "import.error.is_folder"
	errHeaderQuote          = "import.error.header_quote"
	errNoSheets             = "import.error.no_sheets"
	errHeaderTooLong        = "import.error.header_too_long"
)

func warning(code string, args map[string]any, format string, a ...any) Message {
	return Message{Code: code, Args: args, Text: fmt.Sprintf(format, a...)}
}
