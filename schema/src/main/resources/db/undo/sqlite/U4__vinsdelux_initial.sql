-- U4: undo V4 (children first).
DROP TABLE vinsdelux_vdlplotreservation;
DROP TABLE vinsdelux_vdlplot_adoption_plans;
DROP TABLE vinsdelux_vdlplot;
DROP TABLE vinsdelux_vdladoptionplan;
DROP TABLE vinsdelux_vdlcoffret;
DROP TABLE vinsdelux_vdlproducer;
