package importer_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

const botanicPath = "../../../shared/data/nps_botanic_fr_13954.csv"

// rawBotanicScores reads the nps column straight from the bytes: every
// line is `"n",id,nps,...` with no quoted comma before the third field and
// no line breaks inside fields, so a split on commas is enough and shares
// no code with the importer.
func rawBotanicScores(t *testing.T, raw []byte) (rows int, counts data.ScoreCounts) {
	t.Helper()
	lines := bytes.Split(bytes.TrimRight(raw, "\n"), []byte("\n"))
	for _, l := range lines[1:] {
		rows++
		f := bytes.SplitN(l, []byte(","), 4)
		if string(f[2]) == "NA" {
			counts.AddScore(data.NoScore)
			continue
		}
		n, err := strconv.Atoi(string(f[2]))
		if err != nil {
			t.Fatalf("raw parse of %q: %v", l, err)
		}
		counts.AddScore(data.Score(n))
	}
	return rows, counts
}

func TestImportBotanicFrench(t *testing.T) {
	raw, err := os.ReadFile(botanicPath)
	if err != nil {
		t.Fatalf("real data file missing: %v (it lives in ../shared/data beside the checkout; see SOURCES.md)", err)
	}
	wantRows, want := rawBotanicScores(t, raw)
	// Hard-coded once computed, so a change in either parser shows up.
	if wantRows != 13954 || want.N() != 13612 || want.Promoters() != 8465 || want.Passives() != 3953 || want.Detractors() != 1194 {
		t.Fatalf("raw parse: %d rows, %d scored, %d/%d/%d", wantRows, want.N(), want.Promoters(), want.Passives(), want.Detractors())
	}

	pv, err := importer.Inspect(botanicPath, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Encoding != importer.EncLatin1 || !pv.NeedsFileDate || pv.Mapping[importer.FieldScore] != "nps" ||
		pv.Mapping[importer.FieldComment] != "explication" || pv.Mapping[importer.FieldExternalID] != "id" {
		t.Errorf("preview: encoding %q needs date %v mapping %v", pv.Encoding, pv.NeedsFileDate, pv.Mapping)
	}

	db := openStore(t)
	survey := time.Date(2016, 11, 15, 12, 0, 0, 0, time.UTC)
	res := importFile(t, db, botanicPath, importer.Options{FileDate: survey, RejectsPath: "-"})
	if res.Imported != wantRows || res.Rejected != 0 || res.Duplicates != 0 {
		t.Fatalf("imported %d rejected %d duplicates %d, want %d/0/0: %v", res.Imported, res.Rejected, res.Duplicates, wantRows, res.Rejects)
	}
	days, err := db.FeedbackDaily(context.Background(), data.DailyQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got data.ScoreCounts
	for _, d := range days {
		got.Add(d.ScoreCounts)
	}
	if got != want {
		t.Errorf("stored counts %+v, want %+v", got, want)
	}
	nps := 100 * float64(got.Promoters()-got.Detractors()) / float64(got.N())
	if wantNPS := 100 * float64(8465-1194) / 13612; nps != wantNPS || int(nps*100) != 5341 {
		t.Errorf("NPS %.4f, want %.4f (53.42)", nps, wantNPS)
	}

	// Latin-1 accents and the DOS code page 850 bytes mixed into the file.
	comments := map[string]bool{}
	for _, f := range stored(t, db) {
		comments[f.Comment] = true
	}
	for _, want := range []string{
		"Il y a très peu de caisse ouverte et le délai d'attente est particulièrement long!!!!",
	} {
		if !comments[want] {
			t.Errorf("comment %q not stored as written", want)
		}
	}
	found := map[string]bool{}
	for c := range comments {
		for _, frag := range []string{"pour échange", "grâce au coupon", "sapin de Noël", "réduction de 15€", "fraîcheur", "oïdium"} {
			if strings.Contains(c, frag) {
				found[frag] = true
			}
		}
	}
	if len(found) != 6 {
		t.Errorf("cp850 letters decoded: found %v of 6", found)
	}

	res = importFile(t, db, botanicPath, importer.Options{FileDate: survey, RejectsPath: "-"})
	if res.Imported != 0 || res.Duplicates != wantRows {
		t.Errorf("re-import: %d imported, %d duplicates", res.Imported, res.Duplicates)
	}
}
