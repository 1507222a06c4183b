package importer

import "testing"

func TestPlainText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Parcel late, box damaged", "Parcel late, box damaged"},
		{"I <3 you, a<b and c>d", "I <3 you, a<b and c>d"},               // an opening tag alone: no markup
		{"typed <script> into the form", "typed <script> into the form"}, // no formatting tag: written so
		{"x &amp; y", "x &amp; y"},                                       // entities of a plain text stay
		{"<p>Hello&nbsp;there &amp; &laquo;hi&raquo;</p>", "Hello there & «hi»"},
		{"<div>One<br/>Two<br>Three</div>", "One\nTwo\nThree"},
		{"<ul><li>a</li>\n<li> b  c </li></ul>", "a\nb c"},
		{"<p>Text</p><script>alert(1)</script><style>p{}</style><p>more</p>", "Text\nmore"},
		{"<b>Заказ</b> не <i>пришёл</i>", "Заказ не пришёл"},
		{"<p><br></p>", ""},
	} {
		if got := plainText(c.in); got != c.want {
			t.Errorf("plainText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
