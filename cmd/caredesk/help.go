package main

import (
	"fyne.io/fyne/v2/lang"
	"github.com/spf13/cobra"
)

// localizeHelp puts cobra's help frame (headings, the help flag and the
// help command) into the UI language, so `caredesk --help` reads as the
// rest of CareDesk does.
func localizeHelp(root *cobra.Command) {
	root.SetUsageTemplate(lang.L("cli.usage.usage") + `:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if .HasAvailableSubCommands}}

` + lang.L("cli.usage.commands") + `:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + lang.L("cli.usage.flags") + `:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + lang.L("cli.usage.global_flags") + `:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

` + lang.L("cli.usage.more", map[string]any{"Command": "{{.CommandPath}}"}) + `{{end}}
`)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: lang.L("cli.usage.help_command"),
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				cmd = c.Root()
			}
			_ = cmd.Help()
		},
	})
	root.CompletionOptions.DisableDefaultCmd = true // a desktop app; shell completion is not worth an English-only command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, lang.L("cli.usage.help_flag", map[string]any{"Name": c.Name()}))
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
