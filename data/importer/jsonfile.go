package importer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
)

// A JSON export: what help desks' APIs and full exports give (Zendesk's
// JSON and NDJSON exports, Freshdesk's API, a script's dump). The records
// are read as a table whose columns are their keys, nested ones joined by
// dots ("via.channel", "stats.resolved_at") as API exports flattened to
// CSV name them, so the same layouts are recognised. Three shapes are
// read: an array of records; an object holding the records in an array
// (Zendesk's {"tickets": [...], "next_page": ...}); one record per line.
// Records are objects, or rows (arrays) under a first row of names, as a
// spreadsheet's API gives its cells (see jsonLayout).

var (
	// errJSONDamaged is a JSON file that is cut short or no JSON at all.
	errJSONDamaged = errors.New("the JSON is cut short or damaged")
	// errJSONNoRecords is JSON whose list holds neither objects nor rows:
	// numbers, strings, or the two mixed.
	errJSONNoRecords = errors.New("the JSON holds no records")
)

// isJSON reports whether the file at path starts, after a byte order mark
// and blank space, as a JSON array or object does.
func isJSON(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	text := bytes.TrimLeft(bytes.TrimPrefix(head[:n], []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(text) < 2 {
		return false
	}
	rest := bytes.TrimLeft(text[1:], " \t\r\n")
	if len(rest) == 0 {
		return false
	}
	// "[" then an object, a row or nothing, or "{" then a key: no CSV
	// header starts so. "[" then a number or a string may be one ("[1]
	// Question", "[ID]"): it is JSON only under a JSON name.
	switch {
	case text[0] == '[' && strings.IndexByte("{[]", rest[0]) >= 0, text[0] == '{' && (rest[0] == '"' || rest[0] == '}'):
		return true
	case text[0] == '[' && strings.IndexByte("\"-0123456789", rest[0]) >= 0:
		switch strings.ToLower(filepath.Ext(path)) {
		case ".json", ".jsonl", ".ndjson":
			return true
		}
	}
	return false
}

// jsonRecords calls each with every record of the file, in order.
func jsonRecords(r io.Reader, each func(rec json.RawMessage) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	if bom, _ := br.Peek(3); string(bom) == "\xEF\xBB\xBF" {
		br.Discard(3) // Windows tools write one; the decoder takes it for a value
	}
	dec := json.NewDecoder(br)
	tok, err := dec.Token()
	if err != nil {
		return damagedJSON(err)
	}
	switch tok {
	case json.Delim('['):
		return jsonArray(dec, each)
	case json.Delim('{'):
	default:
		return errJSONDamaged
	}
	// An object: a wrapper whose first array of objects holds the records,
	// or the first of one record per line.
	var first bytes.Buffer
	first.WriteByte('{')
	wrapper := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return damagedJSON(err)
		}
		name, _ := key.(string)
		var v json.RawMessage
		if !wrapper && isRecordArray(dec) {
			if _, err := dec.Token(); err != nil { // the array's "["
				return damagedJSON(err)
			}
			if err := jsonArray(dec, each); err != nil {
				return err
			}
			wrapper = true
			continue
		}
		if err := dec.Decode(&v); err != nil {
			return damagedJSON(err)
		}
		if !wrapper {
			if first.Len() > 1 {
				first.WriteByte(',')
			}
			k, _ := json.Marshal(name)
			first.Write(k)
			first.WriteByte(':')
			first.Write(v)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing "}"
		return damagedJSON(err)
	}
	if wrapper {
		return nil
	}
	first.WriteByte('}')
	if err := each(first.Bytes()); err != nil {
		return err
	}
	for {
		var rec json.RawMessage
		if err := dec.Decode(&rec); err == io.EOF {
			return nil
		} else if err != nil {
			return damagedJSON(err)
		}
		if err := each(rec); err != nil {
			return err
		}
	}
}

// isRecordArray reports whether the value the decoder is at is an array
// whose first element is an object or an array (a row), or an empty
// array.
func isRecordArray(dec *json.Decoder) bool {
	rest, _ := io.ReadAll(io.LimitReader(dec.Buffered(), 64))
	rest = bytes.TrimLeft(rest, " \t\r\n:")
	if len(rest) == 0 || rest[0] != '[' {
		return false
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '{' || rest[0] == '[' || rest[0] == ']')
}

// jsonArray reads the elements of an array whose "[" was read, and its
// "]".
func jsonArray(dec *json.Decoder, each func(rec json.RawMessage) error) error {
	for dec.More() {
		var rec json.RawMessage
		if err := dec.Decode(&rec); err != nil {
			return damagedJSON(err)
		}
		if err := each(rec); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return damagedJSON(err)
	}
	return nil
}

func damagedJSON(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%w: %v", errJSONDamaged, err)
}

// flattenJSON calls emit with each field of a record, in the record's
// order: nested objects' fields named by their path with dots, a list of
// values joined by commas (tags), a list of objects as its JSON.
func flattenJSON(raw json.RawMessage, prefix string, emit func(key, value string)) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return
	}
	switch raw[0] {
	case '{':
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.Token()
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return
			}
			var v json.RawMessage
			if dec.Decode(&v) != nil {
				return
			}
			name, _ := key.(string)
			if prefix != "" {
				name = prefix + "." + name
			}
			flattenJSON(v, name, emit)
		}
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return
		}
		texts := make([]string, 0, len(items))
		for _, it := range items {
			it = bytes.TrimSpace(it)
			if len(it) > 0 && (it[0] == '{' || it[0] == '[') {
				var compact bytes.Buffer
				json.Compact(&compact, raw)
				emit(prefix, compact.String())
				return
			}
			texts = append(texts, jsonScalar(it))
		}
		emit(prefix, strings.Join(texts, ", "))
	default:
		emit(prefix, jsonScalar(raw))
	}
}

// flattenValue is flattenJSON for a decoded record (numbers decoded as
// json.Number, so as written): the same keys and values, a list of
// objects as its JSON with its keys sorted.
func flattenValue(v any, prefix string, emit func(key, value string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			name := k
			if prefix != "" {
				name = prefix + "." + k
			}
			flattenValue(x, name, emit)
		}
	case []any:
		texts := make([]string, 0, len(v))
		for _, x := range v {
			switch x.(type) {
			case map[string]any, []any:
				raw, _ := json.Marshal(v)
				emit(prefix, string(raw))
				return
			}
			texts = append(texts, scalarText(x))
		}
		emit(prefix, strings.Join(texts, ", "))
	default:
		emit(prefix, scalarText(v))
	}
}

// scalarText is a decoded scalar as jsonScalar gives it.
func scalarText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return fmt.Sprint(v)
}

// jsonScalar is a string's text, a number as written, true or false; ""
// for null.
func jsonScalar(raw json.RawMessage) string {
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	return string(raw)
}

// jsonLayout is how a JSON file's records make a table: the columns,
// and whether the records are rows (arrays) under a first one of names,
// as a spreadsheet's API gives its cells ({"values": [["Дата", ...], ...]}),
// rather than objects.
type jsonLayout struct {
	cols []string
	rows bool
}

// jsonColumns finds the layout of the file at path: the keys of every
// record, in the order they are first met, or the first row's names.
func jsonColumns(path string) (jsonLayout, error) {
	f, err := os.Open(path)
	if err != nil {
		return jsonLayout{}, err
	}
	defer f.Close()
	var l jsonLayout
	seen := map[string]bool{}
	records := 0
	err = jsonRecords(f, func(rec json.RawMessage) error {
		rec = bytes.TrimSpace(rec)
		if records == 0 && len(rec) > 0 && rec[0] == '[' {
			l.rows = true
			l.cols = jsonRow(rec)
		}
		records++
		switch {
		case l.rows && (len(rec) == 0 || rec[0] != '['), !l.rows && (len(rec) == 0 || rec[0] != '{'):
			return errJSONNoRecords
		case !l.rows && records <= orderedRecords:
			flattenJSON(rec, "", func(key, _ string) {
				if !seen[key] {
					seen[key] = true
					l.cols = append(l.cols, key)
				}
			})
		case !l.rows:
			// The columns' order is settled: the rest are decoded at
			// once, for keys not met yet (added in sorted order).
			var fresh []string
			if err := decodedFields(rec, func(key, _ string) {
				if !seen[key] {
					seen[key] = true
					fresh = append(fresh, key)
				}
			}); err != nil {
				return err
			}
			slices.Sort(fresh)
			l.cols = append(l.cols, fresh...)
		}
		return nil
	})
	return l, err
}

// orderedRecords is how many records give the columns their order, read
// field by field (flattenJSON); later ones are decoded at once
// (decodedFields), three times as fast, their keys' order unknown.
const orderedRecords = 1000

// decodedFields calls emit with each field of a record decoded at once
// (see flattenValue).
func decodedFields(rec json.RawMessage, emit func(key, value string)) error {
	dec := json.NewDecoder(bytes.NewReader(rec))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return damagedJSON(err)
	}
	flattenValue(v, "", emit)
	return nil
}

// jsonRow is a row given as an array: each value as a cell's text (a
// list or object as its JSON).
func jsonRow(raw json.RawMessage) []string {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		if it = bytes.TrimSpace(it); len(it) > 0 && (it[0] == '{' || it[0] == '[') {
			var compact bytes.Buffer
			json.Compact(&compact, it)
			out[i] = compact.String()
			continue
		}
		out[i] = jsonScalar(it)
	}
	return out
}

// jsonSource serves a JSON file's records as rows under a header of
// cols, read on a goroutine of its own as the records are decoded.
type jsonSource struct {
	f     *os.File
	read  atomic.Int64 // bytes the decoding goroutine has read
	cols  map[string]int
	head  []string
	rows  chan []string
	errc  chan error
	stop  chan struct{}
	row   int
	ended bool
}

// openJSON opens the file at path for its records as l lays them out.
func openJSON(path string, l jsonLayout) (*jsonSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	s := &jsonSource{f: f, cols: map[string]int{}, head: l.cols,
		rows: make(chan []string, 256), errc: make(chan error, 1), stop: make(chan struct{})}
	for i, c := range l.cols {
		s.cols[c] = i
	}
	names := l.rows // the first row, when rows are arrays, is the header
	go func() {
		defer close(s.rows)
		s.errc <- jsonRecords(sharedCount{f, &s.read}, func(rec json.RawMessage) error {
			var row []string
			switch {
			case names:
				names = false
				return nil
			case l.rows:
				row = jsonRow(rec)
			default:
				// The columns are known: the record is decoded once, its
				// keys' order no longer matters.
				row = make([]string, len(s.head))
				decodedFields(rec, func(key, value string) {
					if i, ok := s.cols[key]; ok {
						row[i] = value
					}
				})
			}
			select {
			case s.rows <- row:
				return nil
			case <-s.stop:
				return errStopped
			}
		})
	}()
	return s, nil
}

// errStopped ends the reading goroutine of a source closed early.
var errStopped = errors.New("stopped")

func (s *jsonSource) next() ([]string, int, error) {
	if s.row == 0 {
		s.row = 1
		return s.head, 1, nil
	}
	row, ok := <-s.rows
	if !ok {
		if !s.ended {
			s.ended = true
			if err := <-s.errc; err != nil {
				return nil, s.row, err
			}
		}
		return nil, s.row, io.EOF
	}
	s.row++
	return row, s.row, nil
}

func (s *jsonSource) bytesRead() int64 { return s.read.Load() }

// sharedCount counts the bytes read from r where another goroutine (the
// import's, for its progress) reads the count.
type sharedCount struct {
	r io.Reader
	n *atomic.Int64
}

func (c sharedCount) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (s *jsonSource) close() error {
	close(s.stop)
	for range s.rows { // let the goroutine end
	}
	return s.f.Close()
}
