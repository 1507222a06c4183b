-- Complaints, escalations and service standards: categories, employees,
-- complaints with their dated events, the standards register, and the
-- rollups the complaint KPIs read. Every derived column and rollup row is
-- rewritten in the same transaction as the complaint it comes from.

ALTER TABLE client ADD COLUMN tier TEXT NOT NULL DEFAULT '';

CREATE TABLE category (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES category (id),
    name_en   TEXT NOT NULL DEFAULT '',
    name_ru   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX category_parent ON category (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE employee (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL COLLATE NOCASE,
    position TEXT NOT NULL DEFAULT '',
    active   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX employee_name ON employee (name);

-- Times are unix seconds UTC; *_day columns are data.Day in the department
-- time zone. Columns after "derived" follow from the events (data.DeriveFacts)
-- and the calendars; nothing else writes them.
CREATE TABLE complaint (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    external_id    TEXT NOT NULL,
    batch_id       INTEGER REFERENCES import_batch (id),
    opened_at      INTEGER NOT NULL,
    opened_day     INTEGER NOT NULL,
    client_id      INTEGER REFERENCES client (id) ON DELETE SET NULL,
    tier           TEXT NOT NULL DEFAULT '', -- the client's tier when stored: views and rollups by tier
    channel        TEXT NOT NULL DEFAULT '',
    type           TEXT NOT NULL,
    category_id    INTEGER REFERENCES category (id),
    subcategory_id INTEGER REFERENCES category (id),
    priority       TEXT NOT NULL,
    priority_rank  INTEGER NOT NULL, -- 0 = critical: the priority sort
    subject        TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    resolution     TEXT NOT NULL DEFAULT '',
    compensation   INTEGER NOT NULL DEFAULT 0,
    verdict        TEXT NOT NULL DEFAULT '',
    -- derived
    status            TEXT NOT NULL,
    status_rank       INTEGER NOT NULL, -- position in data.Statuses: the status sort
    level             TEXT NOT NULL,    -- current level (last escalation event)
    assignee_id       INTEGER,          -- last assignment event
    first_response_at INTEGER,
    first_resolved_at INTEGER,
    resolved_at       INTEGER,          -- final resolution; NULL while open
    resolved_day      INTEGER,
    reopens           INTEGER NOT NULL DEFAULT 0,
    escalations       INTEGER NOT NULL DEFAULT 0,
    agents            INTEGER NOT NULL DEFAULT 0,
    fr_calendar       INTEGER, -- seconds from opening to the first response
    fr_working        INTEGER, -- ... in the department's working hours
    res_calendar      INTEGER, -- seconds from opening to the final resolution
    res_working       INTEGER, -- ... in working hours, minus waiting and resolved-to-reopen spans
    waiting           TEXT NOT NULL DEFAULT '', -- "start-end,..." spans waiting for the client (end 0 = still waiting)
    reopened_spans    TEXT NOT NULL DEFAULT '', -- "resolution-reopen,..." spans the resolution clock stood still
    due_at            INTEGER NOT NULL DEFAULT 9223372036854775807, -- earliest running SLA due time; max = none
    sla_breached      INTEGER NOT NULL DEFAULT 0, -- some finished SLA item was breached
    UNIQUE (source, external_id)
);

-- One index per register sort; the day and time ride along so a page is
-- an index walk, and the rowid (id) breaks ties.
CREATE INDEX complaint_opened ON complaint (opened_day, opened_at);
CREATE INDEX complaint_priority ON complaint (priority_rank, opened_day, opened_at);
CREATE INDEX complaint_status ON complaint (status_rank, opened_day, opened_at);
CREATE INDEX complaint_due ON complaint (due_at, opened_day, opened_at);
CREATE INDEX complaint_assignee ON complaint (assignee_id, opened_day) WHERE assignee_id IS NOT NULL;
CREATE INDEX complaint_client ON complaint (client_id) WHERE client_id IS NOT NULL;
CREATE INDEX complaint_batch ON complaint (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX complaint_escalated ON complaint (opened_day) WHERE escalations > 0;
CREATE INDEX complaint_category ON complaint (category_id) WHERE category_id IS NOT NULL;
CREATE INDEX complaint_subcategory ON complaint (subcategory_id) WHERE subcategory_id IS NOT NULL;
-- Open complaints (a small share): the overdue view and SLA upkeep.
CREATE INDEX complaint_open ON complaint (due_at) WHERE resolved_day IS NULL;

-- Events are numbered within their complaint (id), so the history of a
-- complaint is one range of the primary key and needs no other index.
CREATE TABLE complaint_event (
    complaint_id INTEGER NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    id           INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT '',
    level        TEXT NOT NULL DEFAULT '',
    assignee_id  INTEGER NOT NULL DEFAULT 0,
    note         TEXT NOT NULL DEFAULT '',
    -- derived: the day, and whether the event resolved (1) or reopened (2)
    -- the complaint, for the flow counts
    day          INTEGER NOT NULL,
    flow         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (complaint_id, id)
) WITHOUT ROWID;

CREATE TABLE standard (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL COLLATE NOCASE UNIQUE,
    title   TEXT NOT NULL,
    measure TEXT NOT NULL
);

-- Targets (seconds per priority), calendar and scope are JSON.
CREATE TABLE standard_version (
    id             INTEGER PRIMARY KEY,
    standard_id    INTEGER NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
    effective_from INTEGER NOT NULL,
    text           TEXT NOT NULL DEFAULT '',
    targets        TEXT NOT NULL,
    calendar       TEXT NOT NULL,
    channels       TEXT NOT NULL DEFAULT '[]',
    category_ids   TEXT NOT NULL DEFAULT '[]',
    tiers          TEXT NOT NULL DEFAULT '[]',
    UNIQUE (standard_id, effective_from)
);

-- A complaint judged against one standard. Keyed by standard first: saving
-- a standard rewrites one range; a complaint's rows are one seek per
-- standard (the store deletes them with the complaint; an index on
-- complaint_id for a cascade would slow every import).
CREATE TABLE complaint_sla (
    standard_id  INTEGER NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
    complaint_id INTEGER NOT NULL,
    version_id   INTEGER NOT NULL,
    measure      TEXT NOT NULL,
    target       INTEGER NOT NULL, -- seconds of working time
    elapsed      INTEGER NOT NULL, -- seconds, as of the last write while running
    due_at       INTEGER,
    risk_at      INTEGER,
    finished_at  INTEGER,
    finished_day INTEGER,
    outcome      TEXT NOT NULL,
    PRIMARY KEY (standard_id, complaint_id)
) WITHOUT ROWID;
CREATE INDEX complaint_sla_open ON complaint_sla (standard_id, outcome, due_at, risk_at) WHERE outcome IN ('running', 'paused');

-- Rollups (data.ComplaintDay): per day, and per day and segment value for
-- each data.ComplaintSegmentation.
CREATE TABLE complaint_daily (
    day          INTEGER PRIMARY KEY,
    opened       INTEGER NOT NULL DEFAULT 0 CHECK (opened >= 0),
    negative     INTEGER NOT NULL DEFAULT 0 CHECK (negative >= 0),
    escalated    INTEGER NOT NULL DEFAULT 0 CHECK (escalated >= 0),
    responded    INTEGER NOT NULL DEFAULT 0 CHECK (responded >= 0),
    resolutions  INTEGER NOT NULL DEFAULT 0 CHECK (resolutions >= 0),
    reopens      INTEGER NOT NULL DEFAULT 0 CHECK (reopens >= 0),
    resolved     INTEGER NOT NULL DEFAULT 0 CHECK (resolved >= 0),
    reopened     INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
    fcr          INTEGER NOT NULL DEFAULT 0 CHECK (fcr >= 0),
    fcr_reopen   INTEGER NOT NULL DEFAULT 0 CHECK (fcr_reopen >= 0),
    satisfied    INTEGER NOT NULL DEFAULT 0 CHECK (satisfied >= 0),
    with_verdict INTEGER NOT NULL DEFAULT 0 CHECK (with_verdict >= 0)
);

CREATE TABLE complaint_daily_segment (
    dim          TEXT NOT NULL,
    day          INTEGER NOT NULL,
    value        TEXT NOT NULL,
    opened       INTEGER NOT NULL DEFAULT 0 CHECK (opened >= 0),
    negative     INTEGER NOT NULL DEFAULT 0 CHECK (negative >= 0),
    escalated    INTEGER NOT NULL DEFAULT 0 CHECK (escalated >= 0),
    responded    INTEGER NOT NULL DEFAULT 0 CHECK (responded >= 0),
    resolutions  INTEGER NOT NULL DEFAULT 0 CHECK (resolutions >= 0),
    reopens      INTEGER NOT NULL DEFAULT 0 CHECK (reopens >= 0),
    resolved     INTEGER NOT NULL DEFAULT 0 CHECK (resolved >= 0),
    reopened     INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
    fcr          INTEGER NOT NULL DEFAULT 0 CHECK (fcr >= 0),
    fcr_reopen   INTEGER NOT NULL DEFAULT 0 CHECK (fcr_reopen >= 0),
    satisfied    INTEGER NOT NULL DEFAULT 0 CHECK (satisfied >= 0),
    with_verdict INTEGER NOT NULL DEFAULT 0 CHECK (with_verdict >= 0),
    PRIMARY KEY (dim, day, value)
) WITHOUT ROWID;

-- Duration histograms: one row per day, measure and segment (dim '' =
-- all) holding every bucket as varint pairs (bucket gap, count). A row per
-- bucket would be ~200 rows per day and measure: 24 months would read half
-- a million rows instead of three thousand.
CREATE TABLE complaint_duration (
    dim     TEXT NOT NULL,
    day     INTEGER NOT NULL,
    measure TEXT NOT NULL,
    value   TEXT NOT NULL,
    buckets BLOB NOT NULL,
    PRIMARY KEY (dim, day, measure, value)
) WITHOUT ROWID;

CREATE TABLE sla_daily (
    standard_id INTEGER NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
    day         INTEGER NOT NULL,
    achieved    INTEGER NOT NULL DEFAULT 0 CHECK (achieved >= 0),
    breached    INTEGER NOT NULL DEFAULT 0 CHECK (breached >= 0),
    PRIMARY KEY (standard_id, day)
) WITHOUT ROWID;

CREATE TABLE complaint_denominator (
    month   INTEGER PRIMARY KEY, -- data.Day of the month's first day
    clients INTEGER NOT NULL DEFAULT 0 CHECK (clients >= 0),
    orders  INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0)
);
