-- Undo V14.
DROP INDEX vinsdelux_vdlplot_producer_status_id_idx;
DROP INDEX vinsdelux_vdlplot_status_id_idx;
