package widgets

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"caredesk/charts"
	"caredesk/data"
)

// ChartLabels returns the translated texts of a chart kind. The GUI and
// the CLI both use it so an exported chart reads the same from either.
func ChartLabels(kind charts.Kind, subtitle string) charts.Labels {
	l := charts.Labels{
		Title:      lang.L("chart.title." + string(kind)),
		Subtitle:   subtitle,
		NPS:        lang.L("chart.nps"),
		Band95:     lang.L("chart.band95"),
		Target:     lang.L("chart.target"),
		Promoters:  lang.L("group.promoters"),
		Passives:   lang.L("group.passives"),
		Detractors: lang.L("group.detractors"),
		Responses:  lang.L("chart.responses"),
		Empty:      lang.L("chart.empty"),
		Thin:       lang.L("chart.thin"),
		Lang:       Lang(),
		Period:     lang.L("chart.col.period"),
		Score:      lang.L("chart.col.score"),
		Low:        lang.L("chart.col.low"),
		High:       lang.L("chart.col.high"),

		Complaints:    lang.L("chart.complaints"),
		Opened:        lang.L("chart.opened"),
		Resolved:      lang.L("chart.resolved"),
		Backlog:       lang.L("chart.backlog"),
		Other:         lang.L("chart.other"),
		Uncategorised: lang.L("chart.uncategorised"),
		Median:        lang.L("chart.median"),
		P90:           lang.L("chart.p90"),
		Hours:         lang.L("chart.hours"),
		WorkingHours:  lang.L("chart.working_hours"),
		Partial:       lang.L("chart.partial"),
		Compliance:    lang.L("chart.compliance"),
		Cumulative:    lang.L("chart.cumulative"),
		Category:      lang.L("chart.col.category"),
		Total:         lang.L("chart.col.total"),
		Standard:      lang.L("chart.col.standard"),
	}
	if charts.IsComplaintKind(kind) {
		l.Empty = lang.L("chart.empty_complaints")
		l.Cancelled = lang.L("chart.cancelled")
	}
	if charts.IsTeamKind(kind) {
		teamLabels(&l)
	}
	return l
}

// RangeLabel describes a range and its grouping for subtitles:
// "Jan 1, 2024 – Dec 31, 2025, by month" ("" for an empty range).
func RangeLabel(from, to data.Day, by string) string {
	if from == 0 && to == 0 {
		return ""
	}
	return DayRange(from, to) + ", " + lang.L("period.by."+by)
}

// DayRange formats an inclusive range of days in the UI language.
func DayRange(from, to data.Day) string {
	return data.FormatDate(Lang(), from.Time()) + " – " + data.FormatDate(Lang(), to.Time())
}

// ReportFooter is the footer line of exported PDFs.
func ReportFooter(now time.Time) string {
	return lang.L("report.footer", map[string]any{"Date": data.FormatDate(Lang(), now)})
}
