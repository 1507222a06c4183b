package importer

import (
	"testing"
	"time"
)

// A zone named after the offset only repeats it; a zone named alone, in
// brackets or as Moscow time, is read.
func TestParseDateZoneNames(t *testing.T) {
	local := time.FixedZone("local", 5*3600)
	at := time.Date(2024, 3, 5, 11, 22, 10, 0, time.UTC) // 14:22:10 in Moscow
	cases := []string{
		// JavaScript's Date.toString(), the zone named in the browser's language
		"Tue Mar 05 2024 14:22:10 GMT+0300 (Moscow Standard Time)",
		"Tue Mar 05 2024 14:22:10 GMT+0300 (Москва, стандартное время)",
		"Tue, 05 Mar 2024 14:22:10 +0300 (MSK)", // a mail header with its comment
		"2024-03-05 14:22:10 +0300 MSK",         // Go's time.Time.String()
		"05.03.2024 14:22:10 (GMT+3)",
		"05.03.2024 14:22:10 (МСК)",
		"2024-03-05 14:22:10 MSK",
		"05.03.2024 15:22:10 МСК+1", // Russia's regional times are told from Moscow's
		"05.03.2024 11:22:10 MSK-3",
	}
	for _, in := range cases {
		r := dateReader{loc: local}
		if got, why := r.parse(in); why != "" || !got.Equal(at) {
			t.Errorf("parse(%q) = %v, %q; want %v", in, got, why, at)
		}
	}
	for _, in := range []string{
		"Tue Mar 05 2024 14:22:10 GMT+0300 (Moscow",  // no closing bracket
		"05.03.2024 14:22:10 +0300 Moscow Standard",  // words, not an abbreviation
		"05.03.2024 14:22:10 (Moscow Standard Time)", // a name alone says no offset
	} {
		r := dateReader{loc: local}
		if got, why := r.parse(in); why != reasonNotDate {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonNotDate)
		}
	}
}

// A zone's abbreviation alone, without an offset, says its offset when it
// names one zone; one naming several is refused with its own reason.
func TestParseDateZoneAbbreviations(t *testing.T) {
	local := time.FixedZone("local", 5*3600)
	cases := map[string]time.Time{
		"2024-03-05 14:22 PST":        time.Date(2024, 3, 5, 22, 22, 0, 0, time.UTC),
		"2024-07-05 14:22 PDT":        time.Date(2024, 7, 5, 21, 22, 0, 0, time.UTC),
		"2024-03-05 14:22 CET":        time.Date(2024, 3, 5, 13, 22, 0, 0, time.UTC),
		"2024-07-05 14:22 CEST":       time.Date(2024, 7, 5, 12, 22, 0, 0, time.UTC),
		"03/05/2024 2:22 PM EST":      time.Date(2024, 3, 5, 19, 22, 0, 0, time.UTC),
		"05.03.2024 14:22 YEKT":       time.Date(2024, 3, 5, 9, 22, 0, 0, time.UTC),
		"05.03.2024 14:22 (AEDT)":     time.Date(2024, 3, 5, 3, 22, 0, 0, time.UTC),
		"2024-03-05 14:22 NST":        time.Date(2024, 3, 5, 17, 52, 0, 0, time.UTC),
		"2024-03-05 14:22:10 MSK":     time.Date(2024, 3, 5, 11, 22, 10, 0, time.UTC),
		"2024-03-05 14:22 -0800 PST":  time.Date(2024, 3, 5, 22, 22, 0, 0, time.UTC),
		"Mar 5, 2024 at 2:22 PM PST":  time.Date(2024, 3, 5, 22, 22, 0, 0, time.UTC),
		"Tue, 05 Mar 2024 14:22 EET":  time.Date(2024, 3, 5, 12, 22, 0, 0, time.UTC),
		"2024-03-05T14:22:00 JST":     time.Date(2024, 3, 5, 5, 22, 0, 0, time.UTC),
		"5 марта 2024 г., 14:22 OMST": time.Date(2024, 3, 5, 8, 22, 0, 0, time.UTC),
	}
	for in, want := range cases {
		r := dateReader{loc: local, order: MDY}
		if got, why := r.parse(in); why != "" || !got.Equal(want) {
			t.Errorf("parse(%q) = %v, %q; want %v", in, got, why, want.UTC())
		}
	}
	for _, in := range []string{"2024-03-05 14:22 CST", "05.03.2024 14:22 IST", "2024-03-05 14:22 (BST)"} {
		r := dateReader{loc: local}
		if got, why := r.parse(in); why != reasonAmbiguousZone {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonAmbiguousZone)
		}
	}
	for _, in := range []string{"2024-03-05 14:22 XYZ", "2024-03-05 14:22 Pst"} {
		r := dateReader{loc: local}
		if got, why := r.parse(in); why != reasonNotDate {
			t.Errorf("parse(%q) = %v, %q; want %q", in, got, why, reasonNotDate)
		}
	}
}

// A zone column's abbreviation is read too; one the zone database knows
// ("CET") keeps its summer time, as before abbreviations were read in
// dates.
func TestParseZoneNameAbbreviations(t *testing.T) {
	july := time.Date(2024, 7, 5, 12, 0, 0, 0, time.UTC)
	for name, want := range map[string]int{"PST": -8 * 3600, "YEKT": 5 * 3600, "CET": 2 * 3600, "EET": 3 * 3600} {
		loc := parseZoneName(name)
		if loc == nil {
			t.Errorf("parseZoneName(%q) = nil", name)
			continue
		}
		if _, off := july.In(loc).Zone(); off != want {
			t.Errorf("parseZoneName(%q) in July: offset %d, want %d", name, off, want)
		}
	}
	if loc := parseZoneName("CST"); loc != nil {
		t.Errorf("parseZoneName(CST) = %v, want nil: it names several zones", loc)
	}
}
