-- Team, training and motivation: employee details and status, onboarding
-- checkpoints, the skills catalogue with assessments and requirements, the
-- course catalogue, the training plan with budgets, goals and kudos, and the
-- indexes the per-agent scorecards read.

-- Status replaces active as the source of truth; active stays in step
-- (the store writes both) so the complaint queries keep reading it.
ALTER TABLE employee ADD COLUMN team TEXT NOT NULL DEFAULT '';
ALTER TABLE employee ADD COLUMN hired_on INTEGER; -- data.Day; NULL = unknown
ALTER TABLE employee ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left'));
ALTER TABLE employee ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE employee ADD COLUMN notes TEXT NOT NULL DEFAULT '';
UPDATE employee SET status = 'left' WHERE active = 0;

-- Tables that belong to one employee go with the employee; tables that
-- record work done (plan items, kudos) keep the employee from being
-- deleted (the store checks first and answers data.ErrConflict).
CREATE TABLE onboarding_checkpoint (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    mark        INTEGER NOT NULL DEFAULT 0, -- days after hire: 30, 60, 90
    goal        TEXT NOT NULL,
    due         INTEGER NOT NULL, -- data.Day
    met         INTEGER CHECK (met IN (0, 1)), -- NULL = not assessed yet
    comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX onboarding_checkpoint_employee ON onboarding_checkpoint (employee_id, due);

CREATE TABLE skill (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
    skill_group TEXT NOT NULL DEFAULT ''
);

-- Every assessment is kept: the newest per employee and skill is the
-- current level, one seek at the end of the index range.
CREATE TABLE skill_assessment (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    assessed_on INTEGER NOT NULL, -- data.Day
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX skill_assessment_current ON skill_assessment (employee_id, skill_id, assessed_on, id);
CREATE INDEX skill_assessment_skill ON skill_assessment (skill_id);

CREATE TABLE skill_requirement (
    position TEXT NOT NULL COLLATE NOCASE,
    skill_id INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    level    INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    PRIMARY KEY (position, skill_id)
) WITHOUT ROWID;
CREATE INDEX skill_requirement_skill ON skill_requirement (skill_id);

CREATE TABLE category_skill (
    category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE CASCADE,
    skill_id    INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX category_skill_skill ON category_skill (skill_id);

CREATE TABLE course (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL COLLATE NOCASE UNIQUE,
    format   TEXT NOT NULL CHECK (format IN ('classroom', 'online', 'mentoring', 'shadowing')),
    hours    REAL NOT NULL DEFAULT 0,
    provider TEXT NOT NULL DEFAULT '',
    cost     INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0) -- minor units
);

CREATE TABLE course_skill (
    course_id INTEGER NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX course_skill_skill ON course_skill (skill_id);

-- Days are data.Day; started_on and completed_on are NULL when not recorded.
CREATE TABLE training_item (
    id            INTEGER PRIMARY KEY,
    employee_id   INTEGER NOT NULL REFERENCES employee (id),
    course_id     INTEGER NOT NULL REFERENCES course (id),
    planned_start INTEGER NOT NULL,
    planned_end   INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    started_on    INTEGER,
    completed_on  INTEGER,
    result        TEXT NOT NULL DEFAULT '',
    certificate   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX training_item_employee ON training_item (employee_id, course_id, planned_start);
CREATE INDEX training_item_planned ON training_item (planned_start);
CREATE INDEX training_item_course ON training_item (course_id);

CREATE TABLE training_budget (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL DEFAULT '',
    from_day INTEGER NOT NULL,
    to_day   INTEGER NOT NULL,
    amount   INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0), -- minor units
    CHECK (to_day >= from_day)
);

CREATE TABLE goal (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    from_day    INTEGER NOT NULL,
    to_day      INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    target      REAL NOT NULL DEFAULT 0,
    course_id   INTEGER REFERENCES course (id), -- the course goal only
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX goal_employee ON goal (employee_id, from_day);
CREATE INDEX goal_course ON goal (course_id) WHERE course_id IS NOT NULL;

-- at is unix seconds UTC. A kudos outlives the complaint or feedback it
-- points to (the link goes, the recognition stays).
CREATE TABLE kudos (
    id           INTEGER PRIMARY KEY,
    employee_id  INTEGER NOT NULL REFERENCES employee (id),
    at           INTEGER NOT NULL,
    given_by     TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    complaint_id INTEGER REFERENCES complaint (id) ON DELETE SET NULL,
    feedback_id  INTEGER REFERENCES feedback (id) ON DELETE SET NULL
);
CREATE INDEX kudos_employee ON kudos (employee_id, at);
CREATE INDEX kudos_at ON kudos (at);
-- Deleting a complaint or a feedback response looks up its kudos.
CREATE INDEX kudos_complaint ON kudos (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX kudos_feedback ON kudos (feedback_id) WHERE feedback_id IS NOT NULL;

-- The per-agent scorecards (AgentOutcomes) read everything they need about
-- the complaints finally resolved in a period, and the feedback given in
-- it, from these covering indexes: no table row is visited.
CREATE INDEX complaint_scorecard ON complaint (resolved_day, assignee_id, category_id, reopens, verdict, res_working, client_id)
    WHERE resolved_day IS NOT NULL AND assignee_id IS NOT NULL;
CREATE INDEX feedback_scorecard ON feedback (day, client_id, score) WHERE client_id IS NOT NULL;
