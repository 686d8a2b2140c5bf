-- U22: undo V22.
ALTER TABLE matching_match DROP COLUMN first_liker_id;
DROP TABLE matching_dislike;
