package importer_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"caredesk/data"
	"caredesk/data/importer"
)

const cfpbPath = "../../../shared/data/cfpb_complaints_sample_6623.csv"

// cfpbCounts counts the sample's complaints per month received and per
// product straight from encoding/csv, sharing no code with the importer.
func cfpbCounts(t *testing.T) (months, products map[string]int, closed int) {
	t.Helper()
	f, err := os.Open(cfpbPath)
	if err != nil {
		t.Fatalf("real data file missing: %v (it lives in ../shared/data beside the checkout; see SOURCES.md)", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	months, products = map[string]int{}, map[string]int{}
	for _, r := range recs[1:] {
		months[r[col["Date received"]][:7]]++
		products[r[col["Product"]]]++
		if strings.HasPrefix(r[col["Company response to consumer"]], "Closed") {
			closed++
		}
	}
	return months, products, closed
}

func TestImportCFPBSample(t *testing.T) {
	wantMonths, wantProducts, wantClosed := cfpbCounts(t)
	total := 0
	for _, n := range wantMonths {
		total += n
	}
	// Hard-coded once counted, so a change in either reader shows up.
	if total != 6623 || wantClosed != 6551 || len(wantMonths) != 54 || wantMonths["2019-09"] != 80 || wantProducts["Debt collection"] != 1231 {
		t.Fatalf("raw count: %d complaints, %d closed, %d months, 2019-09: %d, debt collection: %d",
			total, wantClosed, len(wantMonths), wantMonths["2019-09"], wantProducts["Debt collection"])
	}

	pv, err := importer.InspectComplaints(cfpbPath, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pv.Format != importer.FormatCFPB || pv.Mapping[importer.FieldOpened] != "Date received" || pv.Mapping[importer.FieldExternalID] != "Complaint ID" ||
		pv.Mapping[importer.FieldCategory] != "Product" || pv.Mapping[importer.FieldRespondedAt] != "" || pv.Mapping[importer.FieldResolvedAt] != "" {
		t.Errorf("preview: %s %v", pv.Format, pv.Mapping)
	}

	db := openStore(t)
	res := importTickets(t, db, cfpbPath, importer.Options{RejectsPath: "-"})
	if res.Imported != total || res.Rejected != 0 || res.Duplicates != 0 {
		t.Fatalf("imported %d rejected %d duplicates %d: %+v", res.Imported, res.Rejected, res.Duplicates, res.Rejects)
	}
	// One narrative runs to 21,928 characters: kept, cut, and said so.
	if len(res.Warnings) != 1 || res.Warnings[0].Code != "import.warning.texts_cut" || res.Warnings[0].Args["Column"] != "Consumer complaint narrative" ||
		res.Warnings[0].Args["Count"] != 1 || res.Warnings[0].Args["RowNumbers"] != "28" {
		t.Errorf("warnings %+v", res.Warnings)
	}
	list, err := db.ListComplaints(context.Background(), data.ComplaintFilter{}, data.Page{})
	if err != nil {
		t.Fatal(err)
	}
	gotMonths, gotProducts := map[string]int{}, map[string]int{}
	closed, other := 0, 0
	for _, c := range list {
		gotMonths[c.OpenedAt.UTC().Format("2006-01")]++
		gotProducts[c.Category]++
		if c.Status == data.StatusClosed {
			closed++
		}
		if c.Channel == data.ChannelOther {
			other++
		}
		if c.Type != data.TypeComplaint {
			t.Errorf("%s: type %q", c.ExternalID, c.Type)
		}
	}
	// The CFPB never says when a complaint was answered or closed: the
	// stored facts must not say either.
	invented := 0
	for _, c := range list {
		full, err := db.Complaint(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !full.Facts.ResolvedAt.IsZero() || !full.Facts.FirstResolvedAt.IsZero() || !full.Facts.FirstResponseAt.IsZero() {
			if invented == 0 {
				t.Errorf("%s: times the CFPB does not give: %+v", full.ExternalID, full.Facts)
			}
			invented++
		}
	}
	if invented > 0 {
		t.Errorf("%d complaints with invented response or resolution times", invented)
	}
	for m, n := range wantMonths {
		if gotMonths[m] != n {
			t.Errorf("month %s: %d stored, %d in the file", m, gotMonths[m], n)
		}
	}
	for p, n := range wantProducts {
		if gotProducts[p] != n {
			t.Errorf("product %q: %d stored, %d in the file", p, gotProducts[p], n)
		}
	}
	if len(gotMonths) != len(wantMonths) || len(gotProducts) != len(wantProducts) {
		t.Errorf("%d months, %d products stored; want %d, %d", len(gotMonths), len(gotProducts), len(wantMonths), len(wantProducts))
	}
	// Referral, postal mail and fax are no e-mail.
	if closed != wantClosed || other != 627+267+102 {
		t.Errorf("%d closed (want %d), %d other channel (want 996)", closed, wantClosed, other)
	}

	res = importTickets(t, db, cfpbPath, importer.Options{RejectsPath: "-"})
	if res.Imported != 0 || res.Duplicates != total {
		t.Errorf("re-import: %d imported, %d duplicates", res.Imported, res.Duplicates)
	}
}

// Texts cut to the longest a field keeps are summed up in one warning
// per column, naming the first five rows: a million-row export does not
// list each.
func TestCutTextsSummedUpPerColumn(t *testing.T) {
	long := strings.Repeat("Ж", data.MaxCommentLen+5)
	var b strings.Builder
	b.WriteString("Ticket ID,Created,Subject,Description,Resolution\n")
	for i := range 13 {
		resolution := "Refunded"
		if i == 4 {
			resolution = long
		}
		fmt.Fprintf(&b, "T-%d,2024-03-0%d 10:00,Late parcel,%s,%s\n", i, 1+i%9, long, resolution)
	}
	db := openStore(t)
	res := importTickets(t, db, writeFile(t, "long.csv", []byte(b.String())), importer.Options{RejectsPath: "-"})
	if res.Imported != 13 {
		t.Fatalf("imported %d: %+v", res.Imported, res.Rejects)
	}
	var cut []map[string]any
	for _, w := range res.Warnings {
		if w.Code == "import.warning.texts_cut" {
			cut = append(cut, w.Args)
		}
	}
	want := []map[string]any{
		{"Column": "Description", "Max": data.MaxCommentLen, "Count": 13, "RowNumbers": "2, 3, 4, 5, 6", "More": true},
		{"Column": "Resolution", "Max": data.MaxCommentLen, "Count": 1, "RowNumbers": "6", "More": false},
	}
	if fmt.Sprint(cut) != fmt.Sprint(want) {
		t.Errorf("cut texts said as %v, want %v", cut, want)
	}
	list, err := db.ListComplaints(t.Context(), data.ComplaintFilter{}, data.Page{})
	if err != nil || len(list) != 13 || utf8.RuneCountInString(list[0].Description) != data.MaxCommentLen {
		t.Fatalf("stored %d complaints (%v)", len(list), err)
	}
}
