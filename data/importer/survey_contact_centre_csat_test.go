package importer_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"caredesk/data"
	"caredesk/data/importer"
)

// A contact centre's CSAT data (the public "Customer_support_data.csv" of
// an e-commerce support team, kept in many repositories): "CSAT Score"
// 1-5, "Customer Remarks", the order's date (mostly empty), the issue's
// report and response times, "Survey_response_Date" ("01-Aug-23"), then
// "Agent_name", "Supervisor", "Manager". No 0-10 question: refused as an
// NPS survey. Mapped by hand, its answers are dated by the survey
// response, not the order; the remarks are the comment; the agent is no
// client; and the preview says the scores are a 1-5 rating.
func TestContactCentreCSATExport(t *testing.T) {
	importer.SetClock(t, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	path := filepath.Join("testdata", "customer_support_csat.csv")
	_, err := importer.ImportFeedback(context.Background(), openStore(t), path, importer.Options{Location: time.UTC, RejectsPath: "-"}, nil)
	if !errors.Is(err, importer.ErrNoScoreColumn) {
		t.Fatalf("import: %v, want no score column", err)
	}

	opt := importer.Options{Location: time.UTC, RejectsPath: "-", Mapping: map[importer.Field]string{importer.FieldScore: "CSAT Score"}}
	pv, err := importer.Inspect(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Mapping[importer.FieldDate] != "Survey_response_Date" || pv.Mapping[importer.FieldComment] != "Customer Remarks" || pv.Mapping[importer.FieldClient] != "" {
		t.Errorf("mapping %v, want the date from Survey_response_Date, the comment from Customer Remarks, no client", pv.Mapping)
	}
	findWarning(t, pv.Warnings, "import.warning.rating_mapped")
	db := openStore(t)
	res := importFile(t, db, path, opt)
	if res.Imported != 10 || res.Rejected != 0 {
		t.Fatalf("imported %d, rejected %d %+v", res.Imported, res.Rejected, res.Rejects)
	}
	f := byComment(t, db)["Issue not resolved pathetic service"]
	if f.Score != 1 || !f.RespondedAt.Equal(time.Date(2023, 8, 2, 0, 0, 0, 0, time.UTC)) || f.ClientID != 0 || f.Channel != data.ChannelOther {
		t.Errorf("stored %+v", f)
	}
}
