package importer

// repeatCounter counts how often each 64-bit content hash has been seen,
// in 12 bytes a hash: a million-row file without ids needs 24 MiB, where
// a Go map took about twice that and pushed the import's peak memory to
// the 200 MB limit. Open addressing with linear probing; hash 0 is kept
// apart because 0 marks an empty slot.
type repeatCounter struct {
	keys   []uint64
	counts []uint32
	n      int
	zero   uint32 // count of hash 0
}

// add counts one more sighting of h and returns how many there were.
func (r *repeatCounter) add(h uint64) uint32 {
	if h == 0 {
		r.zero++
		return r.zero
	}
	if (r.n+1)*4 > len(r.keys)*3 {
		r.grow()
	}
	k := r.slot(h)
	if r.keys[k] == 0 {
		r.keys[k] = h
		r.n++
	}
	r.counts[k]++
	return r.counts[k]
}

// slot is where h is or would go.
func (r *repeatCounter) slot(h uint64) uint64 {
	mask := uint64(len(r.keys) - 1)
	k := h & mask
	for r.keys[k] != 0 && r.keys[k] != h {
		k = (k + 1) & mask
	}
	return k
}

func (r *repeatCounter) grow() {
	keys, counts := r.keys, r.counts
	size := max(1024, 2*len(keys))
	r.keys, r.counts = make([]uint64, size), make([]uint32, size)
	for i, h := range keys {
		if h != 0 {
			k := r.slot(h)
			r.keys[k], r.counts[k] = h, counts[i]
		}
	}
}
