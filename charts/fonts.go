package charts

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"

	"caredesk/assets"
)

var (
	fontsOnce             sync.Once
	fontRegular, fontBold *truetype.Font
	fontsErr              error
)

// fonts parses the embedded DejaVu Sans once: parsing costs more than a
// whole chart render, and the parsed fonts are safe to share.
func fonts() (regular, bold *truetype.Font, err error) {
	fontsOnce.Do(func() {
		if fontRegular, fontsErr = truetype.Parse(assets.FontRegular); fontsErr != nil {
			fontsErr = fmt.Errorf("parse chart font: %w", fontsErr)
			return
		}
		if fontBold, fontsErr = truetype.Parse(assets.FontBold); fontsErr != nil {
			fontsErr = fmt.Errorf("parse bold chart font: %w", fontsErr)
		}
	})
	return fontRegular, fontBold, fontsErr
}
