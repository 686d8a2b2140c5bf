-- U5: undo V5 (children first).
DROP TABLE crush_lu_specialuserexperience;
DROP TABLE crush_lu_journeyprogress;
DROP TABLE crush_lu_journeyreward;
DROP TABLE crush_lu_journeychallenge;
DROP TABLE crush_lu_journeychapter;
DROP TABLE crush_lu_journeyconfiguration;
DROP TABLE crush_lu_connectionmessage;
DROP TABLE crush_lu_eventconnection;
DROP TABLE crush_lu_eventregistration;
DROP TABLE crush_lu_meetupevent_special_users;
DROP TABLE crush_lu_meetupevent;
DROP TABLE crush_lu_profilesubmission;
DROP TABLE crush_lu_crushcoach;
DROP TABLE crush_lu_crushprofile;
