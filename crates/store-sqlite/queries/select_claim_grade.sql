SELECT credibility FROM claim_grades WHERE claim = ?1
