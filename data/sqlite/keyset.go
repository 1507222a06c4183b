package sqlite

import (
	"iter"
	"math"
)

// keySet remembers (source, external id) pairs by their hash, each with the
// id of a row that holds it, in 8 bytes a pair: a million pairs take
// 16 MiB, a quarter of what a Go map of hashes to ids took. A slot packs 32
// bits of the hash (which also pick the slot) with the id, so several pairs
// can match one hash: the ids are candidates to check, and the pair is in
// the set only if one of those rows holds it.
type keySet struct {
	slots []uint64 // 0 = empty; open addressing, linear probing
	n     int
}

// unknownID stands for an id too large to pack: its pair must be looked up.
const unknownID = math.MaxUint32

func fold(h uint64) uint64 { return (h ^ h>>32) & math.MaxUint32 }

// ids yields the ids kept for the pairs whose hash matches h.
func (s *keySet) ids(h uint64) iter.Seq[int64] {
	return func(yield func(int64) bool) {
		if s.n == 0 {
			return
		}
		mask := uint64(len(s.slots) - 1)
		tag := fold(h)
		for k := tag & mask; s.slots[k] != 0; k = (k + 1) & mask {
			if s.slots[k]>>32 == tag && !yield(int64(s.slots[k]&math.MaxUint32)) {
				return
			}
		}
	}
}

// add keeps id (≥ 1) for h.
func (s *keySet) add(h uint64, id int64) {
	if (s.n+1)*4 > len(s.slots)*3 {
		old := s.slots
		s.slots = make([]uint64, max(1024, 2*len(old)))
		for _, slot := range old {
			if slot != 0 {
				s.put(slot)
			}
		}
	}
	packed := uint64(unknownID)
	if id < unknownID {
		packed = uint64(id)
	}
	s.put(fold(h)<<32 | packed)
	s.n++
}

// put stores a packed slot at the first free place from its tag's.
func (s *keySet) put(slot uint64) {
	mask := uint64(len(s.slots) - 1)
	k := slot >> 32 & mask
	for s.slots[k] != 0 {
		k = (k + 1) & mask
	}
	s.slots[k] = slot
}
