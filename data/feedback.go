package data

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Channel is where a feedback response came from.
type Channel string

// The channels a response can come through.
const (
	ChannelEmail Channel = "email"
	ChannelPhone Channel = "phone"
	ChannelWeb   Channel = "web"
	ChannelChat  Channel = "chat"
	ChannelStore Channel = "store"
	ChannelOther Channel = "other"
)

// Channels lists every channel in display order.
var Channels = []Channel{ChannelEmail, ChannelPhone, ChannelWeb, ChannelChat, ChannelStore, ChannelOther}

// Valid reports whether c is one of Channels.
func (c Channel) Valid() bool {
	for _, k := range Channels {
		if c == k {
			return true
		}
	}
	return false
}

// ParseChannel maps free text from survey exports and help desks ("E-mail",
// "Телефон", "Web form", Zendesk's "Voicemail" or "Native Messaging") to
// a channel; unknown text maps to ChannelOther.
func ParseChannel(s string) Channel {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	switch {
	// Messengers and voice come first: «Телеграм» holds «тел», "Voicemail"
	// holds "mail", "WhatsApp" holds "app".
	case containsAny(s, chatNames) || hasWord(words, chatWords):
		return ChannelChat
	case strings.Contains(s, "voice") || strings.Contains(s, "голос"):
		return ChannelPhone
	case containsAny(s, emailNames):
		return ChannelEmail
	case containsAny(s, phoneNames) || hasWord(words, phoneWords):
		return ChannelPhone
	case strings.Contains(s, "chat") || strings.Contains(s, "чат"):
		return ChannelChat
	case containsAny(s, videoNames) || hasWord(words, videoWords):
		return ChannelPhone
	case containsAny(s, webNames) || hasWord(words, webWords):
		return ChannelWeb
	case containsAny(s, storeNames) || hasWord(words, storeWords):
		return ChannelStore
	}
	if c := Channel(s); c.Valid() {
		return c
	}
	return ChannelOther
}

// chatNames are messengers and messaging channels, found anywhere in the
// text; chatWords only as whole words (Zendesk's "Text" is an SMS).
var (
	chatNames = []string{"telegram", "телеграм", "whatsapp", "ватсап", "вотсап", "viber", "вайбер", "messenger", "мессенджер", "messaging",
		"instagram", "sunshine conversations", "вконтакте", "открытая линия",
		"jivo", "чат-бот", "chatbot", // JivoSite's chat widget
		// A help desk's channel named after a social network carries its
		// private messages, as "Instagram" and «ВКонтакте» above do.
		"facebook", "фейсбук", "инстаграм", "одноклассники"}
	chatWords = []string{"sms", "смс", "text", "imessage", "wechat", "vk", "вк", "бот", "bot"}
)

// emailNames are mail, also under other names: a letter («Письмо»), a
// mailing («Рассылка»), a mail program.
var emailNames = []string{"mail", "почт", "письм", "рассылк", "outlook"}

// phoneNames are phones, calls, call centres and hotlines; phoneWords whole words only
// (a voice menu).
var (
	phoneNames = []string{"phone", "call", "тел", "звон", "колл-центр", "call-центр", "контакт-центр", "контакт центр", "contact center", "contact centre",
		"горячая линия", "hotline", "hot line"}
	phoneWords = []string{"ivr"}
)

// videoNames are video calls (Skype, Zoom, Teams), found anywhere in the
// text; videoWords only as whole words. A call with a picture is still a
// spoken conversation, as «Видеозвонок» and "Video call" are read: a
// phone call. Told after "chat", so "Skype chat" stays a chat, and before
// the web, so "Webex" is no web site.
var (
	videoNames = []string{"skype", "скайп", "microsoft teams", "ms teams", "google meet", "webex", "видеосвяз", "видеоконференц"}
	videoWords = []string{"zoom", "зум", "teams"}
)

// webNames are web sites, forms, widgets and customer portals ("Help
// Center", "Feedback Widget", "Self-service"); webWords whole words only.
// A push notification and a QR code open a survey page in the app or the
// browser: the answer comes over the web, as a "Survey link" does, even
// when the code hangs in a shop.
var (
	webNames = []string{"web", "site", "сайт", "соцсет", "online", "онлайн", "app", "link", "help center", "helpcenter", "widget", "виджет",
		"self-service", "self service", "selfservice", "portal", "портал", "личный кабинет", "sdk",
		// 311 open data: "Internet", "Mobile Device", "Mobile/Open311"
		// (a mobile phone is a call, matched above).
		"internet", "интернет", "mobile", "open311", "приложен"}
	webWords = []string{"form", "forms", "форма", "anonymous", "social", "веб", // Qualtrics' anonymous link, social posts
		"push", "пуш", "qr"}
)

// storeNames are places the client walks into, and the kiosks and
// self-service terminals standing there: the answer is given on the spot.
var storeNames = []string{"store", "shop", "магазин", "офис", "office", "kiosk", "walk-in", "walk in", "walkin",
	"визит", "in person", "in-person", "салон", "точка продаж", "киоск", "терминал"}

// storeWords are a visit in person («Лично») as a whole word.
var storeWords = []string{"лично", "очно"}

func containsAny(s string, names []string) bool {
	for _, n := range names {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

func hasWord(words, want []string) bool {
	for _, w := range words {
		if slices.Contains(want, w) {
			return true
		}
	}
	return false
}

// Score is a 0-10 likelihood-to-recommend answer. NoScore marks a response
// without a score: it is kept but left out of NPS counts.
type Score int8

// NoScore is the missing score.
const NoScore Score = -1

// Valid reports whether s is 0..10 (NoScore is not valid as a score).
func (s Score) Valid() bool { return s >= 0 && s <= 10 }

// Group returns the NPS group of the score.
func (s Score) Group() ScoreGroup {
	switch {
	case s >= 9 && s <= 10:
		return GroupPromoters
	case s >= 7 && s <= 8:
		return GroupPassives
	case s >= 0 && s <= 6:
		return GroupDetractors
	}
	return GroupUnscored
}

// ScoreGroup selects responses by NPS group.
type ScoreGroup string

// NPS groups; GroupAll matches every response.
const (
	GroupAll        ScoreGroup = ""
	GroupPromoters  ScoreGroup = "promoters"
	GroupPassives   ScoreGroup = "passives"
	GroupDetractors ScoreGroup = "detractors"
	GroupUnscored   ScoreGroup = "unscored"
)

// Feedback is one NPS survey response.
type Feedback struct {
	ID          int64
	RespondedAt time.Time // instant of the answer; stored in UTC
	Score       Score     // NoScore when the respondent gave none
	Comment     string
	Channel     Channel
	Touchpoint  string // journey stage, free text
	ClientID    int64  // 0 when the response is not linked to a client
	ClientName  string // filled by reads; on import, a client to find or create
	Segment     string // client segment (read-only join, or with ClientName on import)
	Tags        []string
	BatchID     int64  // import batch, 0 for typed responses
	Source      string // where the row came from ("manual", layout name, file)
	ExternalID  string // id in the source; unique per source
}

// Limits on free text keep a bad import from bloating the file.
const (
	MaxCommentLen = 20000
	MaxShortText  = 200
)

// Validate checks the response before it is stored.
func (f *Feedback) Validate() error {
	var errs ValidationErrors
	if f.RespondedAt.IsZero() {
		errs = append(errs, fieldErr("responded_at", "error.date_required", "date is required"))
	} else if y := f.RespondedAt.Year(); y < 1990 || y > 2100 {
		errs = append(errs, fieldErr("responded_at", "error.date_range", "date must be between 1990 and 2100"))
	}
	if f.Score != NoScore && !f.Score.Valid() {
		errs = append(errs, fieldErr("score", "error.score_range", "score must be 0 to 10"))
	}
	if f.Channel != "" && !f.Channel.Valid() {
		errs = append(errs, fieldErr("channel", "error.channel", "unknown channel %q", string(f.Channel)))
	}
	if longerThan(f.Comment, MaxCommentLen) {
		errs = append(errs, fieldErr("comment", "error.too_long", "comment is longer than %d characters", MaxCommentLen))
	}
	if longerThan(f.Touchpoint, MaxShortText) {
		errs = append(errs, fieldErr("touchpoint", "error.too_long", "touchpoint is longer than %d characters", MaxShortText))
	}
	for _, t := range f.Tags {
		if longerThan(t, MaxShortText) {
			errs = append(errs, fieldErr("tags", "error.too_long", "tag is longer than %d characters", MaxShortText))
			break
		}
	}
	return errs.orNil()
}

// FeedbackSort names the column a feedback list is ordered by.
type FeedbackSort string

// Sort columns of the feedback list.
const (
	SortByDate       FeedbackSort = "date"
	SortByScore      FeedbackSort = "score"
	SortByChannel    FeedbackSort = "channel"
	SortByTouchpoint FeedbackSort = "touchpoint"
)

// FeedbackFilter selects responses. Zero values match everything.
type FeedbackFilter struct {
	From, To   Day // inclusive; 0 = unbounded
	Channels   []Channel
	Touchpoint string
	Group      ScoreGroup
	Search     string // case-insensitive substring of comment, touchpoint, client or tags
	Tag        string
	ClientID   int64
	Sort       FeedbackSort // default SortByDate
	Desc       bool
}

// Page is a window into a sorted list.
type Page struct {
	Offset, Limit int
}

// ParseTags splits tags as people type them or export them: separated by
// commas, semicolons, pipes or line breaks, trimmed, empty ones dropped.
func ParseTags(s string) []string {
	var tags []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			tags = append(tags, p)
		}
	}
	return tags
}

// Narrowed reports whether the filter selects less than every response
// (sorting aside).
func (f FeedbackFilter) Narrowed() bool {
	return f.From != 0 || f.To != 0 || len(f.Channels) > 0 || f.Touchpoint != "" || f.Group != "" ||
		f.Search != "" || f.Tag != "" || f.ClientID != 0
}

// Selects reports whether f and o select the same responses (sorting aside).
func (f FeedbackFilter) Selects(o FeedbackFilter) bool {
	return slices.Equal(f.Channels, o.Channels) && f.From == o.From && f.To == o.To && f.Touchpoint == o.Touchpoint &&
		f.Group == o.Group && f.Search == o.Search && f.Tag == o.Tag && f.ClientID == o.ClientID
}
