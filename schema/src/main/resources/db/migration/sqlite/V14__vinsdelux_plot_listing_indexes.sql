-- V14: the plot listing pages by id ("... WHERE status = ? [AND producer_id = ?] AND id > ? ORDER BY id LIMIT n").
-- With only the seed's (status) and (producer_id, status) indexes the planner walks the primary key and filters,
-- which degrades to a full scan when few plots match. These indexes end in id, so a page is one index range scan.
-- The seed's indexes stay: an existing Django database has them.
CREATE INDEX vinsdelux_vdlplot_status_id_idx ON vinsdelux_vdlplot (status, id);
CREATE INDEX vinsdelux_vdlplot_producer_status_id_idx ON vinsdelux_vdlplot (producer_id, status, id);
