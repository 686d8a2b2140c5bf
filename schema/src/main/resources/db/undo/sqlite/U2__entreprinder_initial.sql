-- U2: undo V2 (children first; indexes and constraints go with their tables).
DROP TABLE entreprinder_entrepreneurprofile_skills;
DROP TABLE entreprinder_entrepreneurprofile_industries;
DROP TABLE entreprinder_entrepreneurprofile;
DROP TABLE entreprinder_skill;
DROP TABLE entreprinder_industry;
