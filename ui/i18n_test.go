package ui

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"caredesk/assets"
	"caredesk/data/importer"
)

// loadCatalogs reads every translations/[area.]<lang>.json into one key set
// per language, failing on a file whose pair is missing.
func loadCatalogs(t *testing.T) map[string]map[string]any {
	t.Helper()
	cats := map[string]map[string]any{}
	entries, err := assets.Translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".json")
		lng := name[strings.LastIndex(name, ".")+1:]
		raw, err := assets.Translations.ReadFile("translations/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if cats[lng] == nil {
			cats[lng] = map[string]any{}
		}
		for k, v := range m {
			cats[lng][k] = v
		}
		other := "ru"
		if lng == "ru" {
			other = "en"
		}
		pair := strings.TrimSuffix(e.Name(), lng+".json") + other + ".json"
		if _, err := assets.Translations.ReadFile("translations/" + pair); err != nil {
			t.Errorf("%s has no %s", e.Name(), pair)
		}
	}
	return cats
}

func TestTranslationsHaveTheSameKeys(t *testing.T) {
	cats := loadCatalogs(t)
	en, ru := cats["en"], cats["ru"]
	if len(en) == 0 || len(ru) == 0 {
		t.Fatal("no en or ru translations")
	}
	for k := range en {
		if _, ok := ru[k]; !ok {
			t.Errorf("key %q has no Russian translation", k)
		}
	}
	for k, v := range ru {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q has no English translation", k)
		}
		if forms, ok := v.(map[string]any); ok {
			for _, f := range []string{"one", "few", "many"} {
				if _, ok := forms[f]; !ok {
					t.Errorf("Russian plural %q lacks the %q form", k, f)
				}
			}
		}
	}
}

// keyCall matches lang.L("key" and lang.LocalizePluralKey("key" with a
// literal key; keys built at run time are checked by their prefixes below.
var keyCall = regexp.MustCompile(`lang\.(?:L|X|LocalizeKey|LocalizePluralKey)\("([^"]+)"`)

func TestEveryKeyUsedInCodeIsTranslated(t *testing.T) {
	cats := loadCatalogs(t)
	root := filepath.Join("..")
	var missing []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyCall.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if strings.HasSuffix(key, ".") {
				continue // prefix of a computed key
			}
			for _, l := range []string{"en", "ru"} {
				if _, ok := cats[l][key]; !ok {
					missing = append(missing, l+":"+key+" ("+path+")")
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("untranslated key %s", m)
	}
	// Keys built from a prefix and a value.
	for _, prefix := range []string{"channel.", "group.", "nav.", "period.by.", "range.", "chart.title.", "settings.theme.", "settings.language.",
		"complaints.status.", "complaints.type.", "complaints.priority.", "complaints.level.", "complaints.verdict.",
		"complaints.view.", "complaints.move.", "complaints.import_field.", "standards.measure.", "standards.weekday.", "period.preset."} {
		found := false
		for k := range cats["en"] {
			found = found || strings.HasPrefix(k, prefix)
		}
		if !found {
			t.Errorf("no keys with prefix %q", prefix)
		}
	}
}

// Every layout the importer detects has a name in both languages: the
// wizard showed "google-forms" and "zendesk", the ids.
func TestEveryLayoutHasAName(t *testing.T) {
	cats := loadCatalogs(t)
	for _, f := range append(slices.Clone(importer.Formats), importer.ComplaintFormats...) {
		if f == importer.FormatGeneric {
			continue
		}
		for _, lng := range []string{"en", "ru"} {
			if name, ok := cats[lng]["importwizard.format."+f].(string); !ok || name == f {
				t.Errorf("%s: layout %q has no name", lng, f)
			}
		}
	}
}
