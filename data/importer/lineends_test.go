package importer

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// Every line ends in "\n" whatever the file wrote, also when a "\r\n" is
// split between two reads.
func TestLineEnds(t *testing.T) {
	for in, want := range map[string]string{
		"a,b\rc,d\r":          "a,b\nc,d\n",        // Excel for Mac's Macintosh CSV
		"a,b\r\nc,d\r\n":      "a,b\nc,d\n",        // Windows
		"a,b\nc,d\n":          "a,b\nc,d\n",        // Unix
		"a,\"x\r\ry\"\r\r\nc": "a,\"x\n\ny\"\n\nc", // blank lines stay lines
	} {
		for name, r := range map[string]io.Reader{"whole": strings.NewReader(in), "byte by byte": iotest.OneByteReader(strings.NewReader(in))} {
			got, err := io.ReadAll(&lineEnds{src: r})
			if err != nil || string(got) != want {
				t.Errorf("%s %q: %q, %v; want %q", name, in, got, err, want)
			}
		}
	}
}
