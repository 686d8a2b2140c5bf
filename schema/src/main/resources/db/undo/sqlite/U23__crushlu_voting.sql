-- U23: undo V23.
DROP TABLE crush_lu_presentationrating;
DROP TABLE crush_lu_votingsession;
