package importer_test

import (
	"strings"
	"testing"
	"time"

	"caredesk/data/importer"
)

// KoboToolbox (and ODK) exports: semicolons, the questions' labels, meta
// columns with a leading "_". The respondent's device writes "end" with
// its offset; the server's "_submission_time" is UTC without a mark, so
// read in the department's zone it was hours off. "_id" is the id.
func TestKoboToolboxExport(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	head := `"start";"end";"How likely are you to recommend us to a friend?";"Why did you give this score?";"_id";"_uuid";"_submission_time";"_status";"_index"`
	rows := []string{
		`"2024-03-04T09:10:00.000+03:00";"2024-03-04T09:15:00.000+03:00";"9";"Quick help";"101";"a1b2c3d4-0000-4000-8000-000000000001";"2024-03-04T06:15:03";"submitted_via_web";"1"`,
		`"2024-03-05T12:00:00.000+03:00";"2024-03-05T12:04:00.000+03:00";"4";"Slow";"102";"a1b2c3d4-0000-4000-8000-000000000002";"2024-03-05T09:04:10";"submitted_via_web";"2"`,
	}
	for _, tc := range []struct {
		name, head string
		first      time.Time
	}{
		{"end", head, time.Date(2024, 3, 4, 6, 15, 0, 0, time.UTC)},
		{"server time only", strings.Replace(head, `"end"`, `"stop"`, 1), time.Date(2024, 3, 4, 6, 15, 3, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openStore(t)
			path := writeFile(t, "kobo.csv", []byte(lines(append([]string{tc.head}, rows...)...)))
			res := importFile(t, db, path, importer.Options{Location: msk, RejectsPath: "-"})
			if res.Imported != 2 || res.Rejected != 0 {
				t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
			}
			got := byComment(t, db)
			if f := got["Quick help"]; f.Score != 9 || !f.RespondedAt.Equal(tc.first) || f.ExternalID != "101" {
				t.Errorf("first answer: score %v at %v id %q, want 9 at %v, id 101", f.Score, f.RespondedAt, f.ExternalID, tc.first)
			}
		})
	}
}

// ODK Central and SurveyCTO: the instance's KEY ("uuid:…") is the id,
// and ODK's SubmitterName is the data collector, not the client.
func TestODKCentralAndSurveyCTOExports(t *testing.T) {
	for _, tc := range []struct {
		name string
		csv  []string
		at   time.Time
	}{
		{"odk", []string{
			"SubmissionDate,start,end,today,deviceid,nps,reason,meta-instanceID,KEY,SubmitterID,SubmitterName,Status,ReviewState,DeviceID,Edits,FormVersion",
			"2024-03-04T06:15:03.123Z,2024-03-04T09:10:00.000+03:00,2024-03-04T09:15:00.000+03:00,2024-03-04,collect:abc,9,Quick help,uuid:1b2c,uuid:1b2c,5,enumerator1,,,collect:abc,0,2024030101",
		}, time.Date(2024, 3, 4, 6, 15, 0, 0, time.UTC)},
		{"surveycto", []string{
			"SubmissionDate,starttime,endtime,deviceid,duration,caseid,nps,nps_reason,instanceID,formdef_version,KEY,review_status",
			`"Mar 4, 2024 9:15:03 AM","Mar 4, 2024 9:10:00 AM","Mar 4, 2024 9:14:50 AM",(web),290,,9,Quick help,uuid:1b2c,2403011,uuid:1b2c,APPROVED`,
		}, time.Date(2024, 3, 4, 9, 15, 3, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openStore(t)
			res := importFile(t, db, writeFile(t, tc.name+".csv", []byte(lines(tc.csv...))), importer.Options{RejectsPath: "-"})
			if res.Imported != 1 || res.Rejected != 0 {
				t.Fatalf("imported %d, rejected %d: %+v", res.Imported, res.Rejected, res.Rejects)
			}
			f := byComment(t, db)["Quick help"]
			if f.Score != 9 || !f.RespondedAt.Equal(tc.at) || f.ExternalID != "uuid:1b2c" || f.ClientID != 0 {
				t.Errorf("score %v at %v id %q client %d; want 9 at %v, id uuid:1b2c, no client", f.Score, f.RespondedAt, f.ExternalID, f.ClientID, tc.at)
			}
		})
	}
}
