// Command caredesk is the CareDesk desktop application. Without arguments
// it opens the GUI; its subcommands do the same work headless.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	_ "time/tzdata" // the department's time zone resolves on machines without a zone database (Windows)

	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"

	_ "caredesk/cmd/caredesk/internal/clocale" // before Fyne's lang: see the package
	"caredesk/data"
	"caredesk/data/sqlite"
	"caredesk/ui"
)

// app carries what every subcommand shares: the --db flag and the output.
type app struct {
	dbPath string
	out    io.Writer
	errOut io.Writer
}

// openStore opens the database named by --db, or the default one.
func (a *app) openStore(ctx context.Context) (data.Store, error) {
	path := a.dbPath
	if path == "" {
		var err error
		if path, err = sqlite.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return sqlite.Open(ctx, path)
}

// withStore opens the database for one command and closes it after.
// The command runs on a goroutine of its own: Fyne's GLFW driver locks
// the main goroutine to the main thread (the GUI needs it), and a locked
// goroutine runs on that thread alone, so every hand-off between an
// import's row loop and its parsing and writing goroutines waited for a
// switch of threads: a million tickets took 16 s instead of 13 s.
func (a *app) withStore(ctx context.Context, run func(st data.Store) error) error {
	st, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	done := make(chan error)
	go func() { done <- run(st) }()
	return <-done
}

func newRootCommand(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:           "caredesk",
		Short:         lang.L("cli.help.caredesk_client_service_department_desk"),
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runGUI()
		},
	}
	root.SetOut(a.out)
	root.SetErr(a.errOut)
	root.PersistentFlags().StringVar(&a.dbPath, "db", "", lang.L("cli.help.database_file_default_the_user_s_data_fo"))
	root.AddCommand(newImportCommand(a), newKPICommand(a), newChartCommand(a), newDemoCommand(a), newBackupCommand(a), newBaseCommand(a))
	localizeHelp(root)
	return root
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, out, errOut io.Writer) int {
	ui.LoadTranslations()
	a := &app{out: out, errOut: errOut}
	root := newRootCommand(a)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(errOut, "caredesk:", ui.ErrorMessage(err))
		var h interface{ Hint() string }
		if errors.As(err, &h) {
			fmt.Fprintln(errOut, h.Hint())
		}
		if errors.Is(err, context.Canceled) {
			return 130
		}
		return 1
	}
	return 0
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// flagError is a translated message about a flag's value.
func flagError(key string, args map[string]any) error {
	return errors.New(lang.L(key, args))
}
