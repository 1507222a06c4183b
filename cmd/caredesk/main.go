package main

import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/lang"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "github.com/mattn/go-sqlite3"
	_ "github.com/spf13/cobra"
	_ "github.com/wcharczuk/go-chart/v2"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/text/encoding/charmap"
)

func main() {}
