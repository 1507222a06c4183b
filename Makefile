# CareDesk. `make run` starts the app, `make test` runs every check; both
# install the missing system packages first.
GO      ?= go
TAGS    := migrated_fynedo
# The toolchain .ci/install-deps.sh fetches when the system Go is too old
# comes first.
export PATH := $(HOME)/.local/share/caredesk/go/bin:$(PATH):/usr/local/go/bin
export CGO_ENABLED := 1

.PHONY: run test deps build vet staticcheck unit bench

run: deps
	$(GO) run -tags $(TAGS) ./cmd/caredesk

build: deps
	$(GO) build -tags $(TAGS) -o caredesk ./cmd/caredesk

test: deps vet staticcheck unit

deps:
	@./.ci/install-deps.sh

vet:
	$(GO) vet -tags $(TAGS) ./...

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags $(TAGS) ./...

unit:
	LANG=C.UTF-8 $(GO) test -race -tags $(TAGS) -timeout 30m ./...

# The speed targets of docs/PERFORMANCE.md (slow: builds million-row databases).
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 60m ./...
