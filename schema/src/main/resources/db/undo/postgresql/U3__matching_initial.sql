-- U3: undo V3.
DROP TABLE matching_like;
DROP TABLE matching_match;
