package widgets

import (
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"caredesk/data"
)

// StatusName is the translated name of a complaint status.
func StatusName(s data.Status) string { return lang.L("complaints.status." + string(s)) }

// ComplaintStatus names a complaint's status, saying so when the client
// withdrew it.
func ComplaintStatus(c *data.Complaint) string {
	if c.Facts.Withdrawn {
		return lang.L("complaints.status.withdrawn")
	}
	return StatusName(c.Status)
}

// TypeName is the translated name of an appeal type.
func TypeName(t data.ComplaintType) string { return lang.L("complaints.type." + string(t)) }

// PriorityName is the translated name of a priority.
func PriorityName(p data.Priority) string { return lang.L("complaints.priority." + string(p)) }

// LevelName is the translated name of an escalation level.
func LevelName(l data.Level) string {
	if l == "" {
		l = data.LevelFrontline
	}
	return lang.L("complaints.level." + string(l))
}

// VerdictName is the translated name of a client's verdict.
func VerdictName(v data.Verdict) string {
	if v == data.VerdictUnknown {
		return lang.L("complaints.verdict.unknown")
	}
	return lang.L("complaints.verdict." + string(v))
}

// MeasureName is the translated name of what a standard times.
func MeasureName(m data.SLAMeasure) string { return lang.L("standards.measure." + string(m)) }

// PriorityImportance colours a priority: critical red, high amber.
func PriorityImportance(p data.Priority) widget.Importance {
	switch p {
	case data.PriorityCritical:
		return widget.DangerImportance
	case data.PriorityHigh:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// splitMinutes rounds d down to whole minutes and splits it.
func splitMinutes(d time.Duration) (hours, minutes int) {
	if d < 0 {
		d = -d
	}
	m := int(d / time.Minute)
	return m / 60, m % 60
}

// DurationText writes a working-time duration in words with plural forms:
// "3 hours 20 minutes", "1 час 5 минут". Days are not used: a working day
// is not 24 hours.
func DurationText(d time.Duration) string {
	h, m := splitMinutes(d)
	hours := lang.LocalizePluralKey("duration.hours", "{{.Count}} hours", h, map[string]any{"Count": Int(int64(h))})
	minutes := lang.LocalizePluralKey("duration.minutes", "{{.Count}} minutes", m, map[string]any{"Count": Int(int64(m))})
	switch {
	case h == 0:
		return minutes
	case m == 0:
		return hours
	}
	return hours + " " + minutes
}

// DurationShort writes a duration for a table cell: "3 h 05 min", "45 min".
func DurationShort(d time.Duration) string {
	h, m := splitMinutes(d)
	if h == 0 {
		return lang.L("duration.short_minutes", map[string]any{"M": m})
	}
	return lang.L("duration.short", map[string]any{"H": Int(int64(h)), "M": twoDigits(m)})
}

// Clock writes a target duration as hours:minutes ("4:00", "36:30").
func Clock(d time.Duration) string {
	h, m := splitMinutes(d)
	return Int(int64(h)) + ":" + twoDigits(m)
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
