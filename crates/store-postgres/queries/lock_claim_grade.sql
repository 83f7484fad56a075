-- The grade before a change, its row locked until the change commits, so two analysts grading
-- at once each record the grade the other left.
SELECT credibility::BIGINT FROM claim_grades WHERE claim = $1 FOR UPDATE
