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
