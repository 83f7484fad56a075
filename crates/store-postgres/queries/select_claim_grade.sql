SELECT credibility::BIGINT FROM claim_grades WHERE claim = $1
