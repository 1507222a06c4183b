package sqlite

// An import binds its values as interfaces, and boxing an int64 above 255
// or a non-empty string allocates. A ticket's id goes to its row, each of
// its events and its SLA rows, its events share days, and its texts are
// a few statuses and kinds: boxing each once saved a fifth of a million-
// ticket import's allocations.

// intBox holds the interface value of the last int64 it boxed.
type intBox struct {
	n int64
	v any
}

func (b *intBox) of(n int64) any {
	if b.v == nil || b.n != n {
		b.n, b.v = n, n
	}
	return b.v
}

// textBoxes holds the interface values of the first texts it boxed, for
// columns of a few values (statuses, kinds, channels); others are boxed
// anew.
type textBoxes struct {
	n    int
	keys [8]string
	vals [8]any
}

func (t *textBoxes) of(s string) any {
	for i := range t.n {
		if t.keys[i] == s {
			return t.vals[i]
		}
	}
	v := any(s)
	if t.n < len(t.keys) {
		t.keys[t.n], t.vals[t.n] = s, v
		t.n++
	}
	return v
}
