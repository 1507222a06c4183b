package importer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markupTags are the elements whose tags mark a cell as HTML: what help
// desks write into a description or a reply (Odoo, Freshdesk's and Zoho
// Desk's APIs, Zammad). A text that only mentions a tag in passing
// ("typed <script> into the form") names none of the formatting ones.
var markupTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Span: true, atom.B: true, atom.I: true, atom.U: true, atom.Strong: true,
	atom.Em: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.A: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.Font: true, atom.Blockquote: true, atom.Img: true,
	atom.Hr: true, atom.Pre: true, atom.Html: true, atom.Body: true,
}

// blockTags end a line of the text they hold.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true,
}

// hiddenTags hold no text a reader sees.
var hiddenTags = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Head: true, atom.Title: true}

// plainText turns a cell written in HTML into the text a reader of it
// sees: tags gone, entities read («&laquo;» is «), a line per paragraph,
// list item or <br>. Any other cell is returned as it is: the card shows
// what the client wrote, not "<p>I was charged twice</p>".
func plainText(s string) string {
	if !strings.Contains(s, "<") || !strings.Contains(s, ">") || !holdsMarkup(s) {
		return s
	}
	var out strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	hidden := 0
	for {
		switch z.Next() {
		case html.ErrorToken: // the end of the cell
			return tidyLines(out.String())
		case html.TextToken:
			if hidden == 0 {
				out.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenTags[a] {
				hidden++
			}
			if blockTags[a] {
				out.WriteByte('\n')
			}
		case html.SelfClosingTagToken:
			if name, _ := z.TagName(); blockTags[atom.Lookup(name)] {
				out.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenTags[a] && hidden > 0 {
				hidden--
			}
			if blockTags[a] {
				out.WriteByte('\n')
			}
		}
	}
}

// holdsMarkup reports whether s closes a tag of markupTags or has a line
// break or rule: an opening tag alone may be plain text ("a<b and c>d").
func holdsMarkup(s string) bool {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.EndTagToken:
			if name, _ := z.TagName(); markupTags[atom.Lookup(name)] {
				return true
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if name, _ := z.TagName(); voidTags[atom.Lookup(name)] {
				return true
			}
		}
	}
}

// voidTags are the elements of markupTags that are never closed.
var voidTags = map[atom.Atom]bool{atom.Br: true, atom.Hr: true, atom.Img: true}

// tidyLines keeps the lines of s that hold text, each with its runs of
// spaces (no-break ones too: &nbsp;) made one.
func tidyLines(s string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
