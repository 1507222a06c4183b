package complaints

// Import opens the complaint import wizard.
func (s *Screen) Import() {}
