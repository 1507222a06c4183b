// Package data holds CareDesk's domain types, their validation, filters,
// sentinel errors and the store interfaces the rest of the application
// depends on. It imports only the standard library so that metrics, imports
// and reports can be built and tested without the GUI or the SQL driver.
package data
