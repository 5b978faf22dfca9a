-- Her own view of her life (R8, issue 13, docs/indicators.md): in the six areas of her plan, on
-- a four-point scale, recorded with her when she enters care, at each plan review and at each
-- follow-up, with the worker's rating of each area beside hers. She may decline an area
-- ('not-said'). The organisation is the custodian that recorded it; a view belongs to the
-- section of her words, plan and decisions.
CREATE TABLE life_views (
    id           TEXT PRIMARY KEY NOT NULL,
    case_id      TEXT NOT NULL REFERENCES cases(id),
    occasion     TEXT NOT NULL,
    reference_id TEXT,
    recorded_on  TEXT NOT NULL,
    org_id       TEXT NOT NULL REFERENCES organisations(id),
    recorded_by  TEXT NOT NULL REFERENCES users(id),
    recorded_at  BIGINT NOT NULL
);
CREATE INDEX life_views_by_case ON life_views(case_id, recorded_at);
CREATE INDEX life_views_by_org ON life_views(org_id, recorded_at);

-- One row per area of a view: her rating (or 'not-said') and the worker's.
CREATE TABLE life_view_areas (
    view_id TEXT NOT NULL REFERENCES life_views(id),
    area    TEXT NOT NULL,
    her     TEXT NOT NULL,
    worker  TEXT NOT NULL,
    PRIMARY KEY (view_id, area)
);
