package importer

import (
	"testing"

	"caredesk/data"
)

// ServiceNow's channel choices (contact_type: Chat, Email, Phone,
// Self-service, Virtual Agent, Walk-in): its Virtual Agent is a chat bot.
// Freshdesk's API source numbers read as the names its export writes, so
// a Facebook ticket (6) lands where "Facebook" does.
func TestNamedDeskChannels(t *testing.T) {
	want := map[string]data.Channel{"Virtual Agent": data.ChannelChat, "virtual_agent": data.ChannelChat, "Self-service": data.ChannelWeb,
		"Walk-in": data.ChannelStore, "Chat": data.ChannelChat,
		// Zendesk's API (via.channel) in snake case, its exports in words.
		"help_center": data.ChannelWeb, "Help Center": data.ChannelWeb, "web_widget": data.ChannelWeb, "native_messaging": data.ChannelChat,
		"self_service": data.ChannelWeb}
	for in, w := range want {
		if got := ticketChannel(in); got != w {
			t.Errorf("ticketChannel(%q) = %q, want %q", in, got, w)
		}
	}
	for code, name := range freshdeskSources {
		if got, w := ticketChannel(freshdeskCode(freshdeskSources, code)), ticketChannel(name); got != w {
			t.Errorf("Freshdesk source %s = %q, want %q as %q", code, got, w, name)
		}
	}
	checkParsed(t, "freshdeskPriority", freshdeskPriority, map[string]data.Priority{"1": data.PriorityLow, "2": data.PriorityNormal,
		"3": data.PriorityHigh, "4": data.PriorityCritical, "Urgent": data.PriorityCritical, "Medium": data.PriorityNormal})
	// 6 and up are an account's own statuses: open, read as in progress.
	checkParsed(t, "Freshdesk status", statusParser(FormatFreshdesk), map[string]data.Status{"2": data.StatusInProgress, "3": data.StatusWaiting,
		"4": data.StatusResolved, "5": data.StatusClosed, "Waiting on Customer": data.StatusWaiting, "6": data.StatusInProgress,
		"12": data.StatusInProgress})
	checkRefused(t, "Freshdesk status", statusParser(FormatFreshdesk), "0", "1", "-6")
}

// The BBB's "Unpursuable" (it could not locate the business) is no help
// desk's word: wherever it stands it closes a complaint unresolved.
func TestUnpursuableClosesUnresolved(t *testing.T) {
	if st, ok := parseStatus("Unpursuable"); !ok || st != data.StatusClosed || !cancelledStatus(FormatGeneric, "Unpursuable") {
		t.Errorf("Unpursuable: %q %v, cancelled %v", st, ok, cancelledStatus(FormatGeneric, "Unpursuable"))
	}
}

// A ticket the client abandoned, or one that lapsed, is closed without a
// resolution; a case Dynamics made inactive is closed, a resolution.
func TestAbandonedAndExpiredCloseUnresolved(t *testing.T) {
	for in, cancelled := range map[string]bool{"Abandoned": true, "Expired": true, "Inactive": false} {
		if st, ok := parseStatus(in); !ok || st != data.StatusClosed || cancelledStatus(FormatGeneric, in) != cancelled {
			t.Errorf("%s: %q %v, cancelled %v (want %v)", in, st, ok, cancelledStatus(FormatGeneric, in), cancelled)
		}
	}
}
